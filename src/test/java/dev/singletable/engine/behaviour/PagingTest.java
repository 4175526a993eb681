package dev.singletable.engine.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Paging through 10 000 items returns each exactly once, in order, on the table and on a GSI, with and without filters. */
class PagingTest {

    static final int ITEMS = 10_000;
    static final DynamoDbClient dynamo = EngineFixture.newClient();

    @BeforeAll
    static void load() {
        EngineFixture.createPagedTable(dynamo, "paged");
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS("P"));
            item.put("sk", AttributeValue.fromN(Integer.toString(i)));
            item.put("gpk", AttributeValue.fromS("G"));
            item.put("gsk", AttributeValue.fromN(Integer.toString(ITEMS - i)));
            item.put("even", AttributeValue.fromBool(i % 2 == 0));
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
            if (batch.size() == 25) {
                List<WriteRequest> chunk = List.copyOf(batch);
                dynamo.batchWriteItem(r -> r.requestItems(Map.of("paged", chunk)));
                batch.clear();
            }
        }
    }

    @ParameterizedTest(name = "index={0} forward={1} filtered={2}")
    @CsvSource({
        "false,true,false",
        "false,false,false",
        "false,true,true",
        "false,false,true",
        "true,true,false",
        "true,false,false",
        "true,true,true",
        "true,false,true"
    })
    void queryPagesReturnEveryItemOnceInOrder(boolean onIndex, boolean forward, boolean filtered) {
        List<Integer> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            QueryRequest.Builder q =
                    QueryRequest.builder().tableName("paged").limit(333).scanIndexForward(forward);
            if (onIndex) {
                q.indexName("byGroup")
                        .keyConditionExpression("gpk = :p")
                        .expressionAttributeValues(values(Map.of(":p", AttributeValue.fromS("G")), filtered));
            } else {
                q.keyConditionExpression("pk = :p")
                        .expressionAttributeValues(values(Map.of(":p", AttributeValue.fromS("P")), filtered));
            }
            if (filtered) {
                q.filterExpression("even = :t");
            }
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(q.build());
            assertThat(page.scannedCount()).isLessThanOrEqualTo(333);
            page.items().forEach(i -> seen.add(Integer.parseInt(i.get("sk").n())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null && pages < 1000);

        List<Integer> expected = IntStream.range(0, ITEMS)
                .filter(i -> !filtered || i % 2 == 0)
                .boxed()
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        // the index sorts by gsk = ITEMS - sk, so its forward order is the table's reverse order
        boolean ascendingSk = onIndex != forward;
        if (!ascendingSk) {
            java.util.Collections.reverse(expected);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void scanPagesAndParallelSegmentsReturnEveryItemOnce() {
        List<Integer> seen = new ArrayList<>();
        for (int segment = 0; segment < 4; segment++) {
            Map<String, AttributeValue> start = null;
            do {
                ScanRequest.Builder s = ScanRequest.builder()
                        .tableName("paged")
                        .limit(700)
                        .segment(segment)
                        .totalSegments(4);
                if (start != null) {
                    s.exclusiveStartKey(start);
                }
                ScanResponse page = dynamo.scan(s.build());
                page.items().forEach(i -> seen.add(Integer.parseInt(i.get("sk").n())));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }
        assertThat(seen).hasSize(ITEMS).doesNotHaveDuplicates();
    }

    @Test
    void aPageStopsAtOneMegabyteOfItemsRead() {
        DynamoDbClient big = EngineFixture.newClient();
        EngineFixture.createSimpleTable(big, "big");
        String payload = "x".repeat(100_000);
        for (int i = 0; i < 25; i++) {
            int n = i;
            big.putItem(r -> r.tableName("big")
                    .item(Map.of("id", AttributeValue.fromS("item" + n), "payload", AttributeValue.fromS(payload))));
        }
        ScanResponse first = big.scan(r -> r.tableName("big"));
        assertThat(first.scannedCount()).isBetween(10, 11);
        assertThat(first.lastEvaluatedKey()).isNotEmpty();
        ScanResponse counted = big.scan(r -> r.tableName("big")
                .select("COUNT")
                .filterExpression("id = :none")
                .expressionAttributeValues(Map.of(":none", AttributeValue.fromS("nothing"))));
        assertThat(counted.count()).isZero();
        assertThat(counted.scannedCount()).isEqualTo(first.scannedCount());
    }

    private static Map<String, AttributeValue> values(Map<String, AttributeValue> base, boolean filtered) {
        Map<String, AttributeValue> v = new HashMap<>(base);
        if (filtered) {
            v.put(":t", AttributeValue.fromBool(true));
        }
        return v;
    }
}
