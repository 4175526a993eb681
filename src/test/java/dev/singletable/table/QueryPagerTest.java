package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.TestStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * "limit" counts items returned: with a filter that drops two items in three, pages are still full, every kept item
 * comes once and in order, and the last page says there is no more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPagerTest {

    static final String TABLE = "pager-test";

    TestStores.Store store;
    QueryPager pager;

    @BeforeAll
    void createItems() {
        store = TestStores.withTable(TABLE);
        SingleTable table = new SingleTable(
                DynamoDbEnhancedClient.builder().dynamoDbClient(store.dynamo()).build(),
                store.dynamo(),
                new TableProperties(TABLE));
        pager = new QueryPager(table);
        for (int i = 0; i < 30; i++) {
            put("FILTERED", i, i % 3 == 0);
        }
        for (int i = 0; i < 130; i++) {
            put("NOTHING", i, false);
        }
        for (int i = 0; i < 4; i++) {
            put("EXACT", i, true);
        }
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void pagesAreFullDespiteTheFilterAndTheLastOneEnds() {
        List<List<String>> pages = readAll(query("FILTERED", true), 4);

        assertThat(pages).extracting(List::size).containsExactly(4, 4, 2);
        assertThat(pages.stream().flatMap(List::stream))
                .containsExactly("00", "03", "06", "09", "12", "15", "18", "21", "24", "27");
    }

    @Test
    void aPageThatEndsExactlyAtTheEndHasNoNextKey() {
        Slice<String> page = pager.page(query("EXACT", true), 4, null, QueryPagerTest::sk);
        assertThat(page.items()).hasSize(4);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void descendingOrderIsKept() {
        QueryRequest newestFirst =
                query("FILTERED", true).toBuilder().scanIndexForward(false).build();
        assertThat(readAll(newestFirst, 3).stream().flatMap(List::stream))
                .containsExactly("27", "24", "21", "18", "15", "12", "09", "06", "03", "00");
    }

    @Test
    void aFilterThatKeepsNothingStopsAfterABoundedReadAndResumesWhereItStopped() {
        Slice<String> first = pager.page(query("NOTHING", true), 4, null, QueryPagerTest::sk);
        assertThat(first.items()).isEmpty();
        assertThat(first.hasMore()).isTrue(); // bounded: 20 requests of 5 evaluate 100 of the 130 items

        Slice<String> second = pager.page(query("NOTHING", true), 4, first.nextKey(), QueryPagerTest::sk);
        assertThat(second.items()).isEmpty();
        assertThat(second.hasMore()).isFalse();
    }

    private List<List<String>> readAll(QueryRequest query, int limit) {
        List<List<String>> pages = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Slice<String> page = pager.page(query, limit, start, QueryPagerTest::sk);
            pages.add(page.items());
            start = page.nextKey();
        } while (start != null && pages.size() < 50);
        return pages;
    }

    private QueryRequest query(String partition, boolean keep) {
        return QueryRequest.builder()
                .tableName(TABLE)
                .keyConditionExpression("PK = :pk")
                .filterExpression("keep = :keep")
                .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(partition), ":keep", AttributeValue.fromBool(keep)))
                .build();
    }

    private void put(String partition, int i, boolean keep) {
        store.dynamo().putItem(r -> r.tableName(TABLE)
                .item(Map.of(
                        "PK", AttributeValue.fromS(partition),
                        "SK", AttributeValue.fromS(String.format("%02d", i)),
                        "keep", AttributeValue.fromBool(keep))));
    }

    private static String sk(Map<String, AttributeValue> item) {
        return item.get("SK").s();
    }
}
