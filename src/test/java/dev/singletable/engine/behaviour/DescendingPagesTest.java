package dev.singletable.engine.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Pins what a Query page returns, newest first and oldest first, on the table and on a global index, against a
 * reference ordering (string keys by unsigned UTF-8 bytes; equal index keys by the table key), on seeded random
 * items (seed 20261205) with the service's key shapes and with short keys and shared long prefixes, while a writer
 * inserts and deletes items beside the ranges read (just above {@code TWEET#}, where a descending read starts, and
 * in other partitions). The descending read's fast paths must give the same items, in the same order and pages.
 */
class DescendingPagesTest {

    private static final long SEED = 20261205L;
    private static final String TABLE = "pages";
    private static final int PARTITIONS = 12;
    private static final int PER_PARTITION = 250;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static final DynamoDbClient dynamo = EngineFixture.newClient();
    private static final List<String> partitions = new ArrayList<>();
    /** Per partition: the items' (SK, GSI1SK) pairs, in no particular order. */
    private static final Map<String, List<String[]>> items = new HashMap<>();

    private static final AtomicBoolean writing = new AtomicBoolean(true);
    private static final AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    private static Thread writer;

    @BeforeAll
    static void load() {
        dynamo.createTable(r -> r.tableName(TABLE)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                        a -> a.attributeName("PK").attributeType("S"),
                        a -> a.attributeName("SK").attributeType("S"),
                        a -> a.attributeName("GSI1PK").attributeType("S"),
                        a -> a.attributeName("GSI1SK").attributeType("S"))
                .keySchema(k -> k.attributeName("PK").keyType("HASH"), k -> k.attributeName("SK")
                        .keyType("RANGE"))
                .globalSecondaryIndexes(g -> g.indexName("GSI1")
                        .keySchema(k -> k.attributeName("GSI1PK").keyType("HASH"), k -> k.attributeName("GSI1SK")
                                .keyType("RANGE"))
                        .projection(p -> p.projectionType("ALL"))));
        Random random = new Random(SEED);
        for (int p = 0; p < PARTITIONS; p++) {
            // short partitions (under the 8-byte prefix), the service's USER#<ulid>, and long shared prefixes
            String partition =
                    switch (p % 3) {
                        case 0 -> "P" + p;
                        case 1 -> "USER#" + word(random, 26);
                        default -> "FEED#2026-12-06#" + word(random, 20) + "#" + p;
                    };
            partitions.add(partition);
            List<String[]> keys = new ArrayList<>();
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = 0; i < PER_PARTITION; i++) {
                // sort keys with shared prefixes of every length, some a prefix of others; index keys with duplicates
                String sk = "TWEET#" + word(random, 1 + random.nextInt(random.nextBoolean() ? 4 : 30));
                if (keys.stream().anyMatch(k -> k[0].equals(sk))) {
                    continue;
                }
                String gsk = "TWEET#" + word(random, 1 + random.nextInt(3));
                keys.add(new String[] {sk, gsk});
                batch.add(put(partition, sk, gsk));
                if (batch.size() == 25) {
                    write(batch);
                }
            }
            write(batch);
            items.put(partition, keys);
        }
        writer = new Thread(DescendingPagesTest::churn, "descending-pages-writer");
        writer.start();
    }

    /** Inserts and deletes items just above the ranges the test reads (ZZ# sorts after TWEET#) and in other partitions. */
    private static void churn() {
        Random random = new Random(SEED + 1);
        try {
            while (writing.get()) {
                String partition = random.nextBoolean()
                        ? partitions.get(random.nextInt(PARTITIONS))
                        : "OTHER#" + random.nextInt(200);
                String sk = (random.nextBoolean() ? "ZZ#" : "TWEET$") + word(random, 1 + random.nextInt(10));
                if (random.nextInt(3) == 0) {
                    dynamo.deleteItem(r -> r.tableName(TABLE)
                            .key(Map.of("PK", AttributeValue.fromS(partition), "SK", AttributeValue.fromS(sk))));
                } else {
                    dynamo.putItem(r -> r.tableName(TABLE).item(itemOf(partition, sk, "ZZ#" + sk)));
                }
            }
        } catch (Throwable t) {
            writerFailure.set(t);
        }
    }

    @AfterAll
    static void stopWriter() throws InterruptedException {
        writing.set(false);
        writer.join();
        assertThat(writerFailure.get()).isNull();
    }

    @Test
    void tablePagesMatchTheReferenceOrderInBothDirections() {
        Random random = new Random(SEED + 2);
        for (String partition : partitions) {
            List<String> reference = items.get(partition).stream()
                    .map(k -> k[0])
                    .sorted(DescendingPagesTest::compareUtf8)
                    .toList();
            for (String prefix : prefixes(reference, random)) {
                List<String> expected =
                        reference.stream().filter(sk -> sk.startsWith(prefix)).toList();
                for (boolean forward : new boolean[] {false, true}) {
                    List<String> read = readAll(partition, prefix, forward, false, random);
                    assertThat(read)
                            .as("%s begins_with %s forward=%s", partition, prefix, forward)
                            .containsExactlyElementsOf(forward ? expected : reversed(expected));
                }
            }
        }
    }

    @Test
    void indexPagesMatchTheReferenceOrderInBothDirections() {
        Random random = new Random(SEED + 3);
        for (String partition : partitions) {
            // equal index keys are ordered by the table key: here the same partition, so by SK
            Comparator<String[]> order = (a, b) -> {
                int c = compareUtf8(a[1], b[1]);
                return c != 0 ? c : compareUtf8(a[0], b[0]);
            };
            List<String[]> reference =
                    items.get(partition).stream().sorted(order).toList();
            List<String> gsks = reference.stream().map(k -> k[1]).toList();
            for (String prefix : prefixes(gsks, random)) {
                List<String> expected = reference.stream()
                        .filter(k -> k[1].startsWith(prefix))
                        .map(k -> k[0])
                        .toList();
                for (boolean forward : new boolean[] {false, true}) {
                    List<String> read = readAll(partition, prefix, forward, true, random);
                    assertThat(read)
                            .as("GSI1 %s begins_with %s forward=%s", partition, prefix, forward)
                            .containsExactlyElementsOf(forward ? expected : reversed(expected));
                }
            }
        }
    }

    /** The whole range in pages of random Limit; every page's Count and ScannedCount are its item count. */
    private static List<String> readAll(
            String partition, String prefix, boolean forward, boolean onIndex, Random random) {
        List<String> read = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            int limit = 1 + random.nextInt(40);
            QueryRequest.Builder q = QueryRequest.builder()
                    .tableName(TABLE)
                    .keyConditionExpression("#pk = :p AND begins_with(#sk, :s)")
                    .expressionAttributeNames(
                            onIndex ? Map.of("#pk", "GSI1PK", "#sk", "GSI1SK") : Map.of("#pk", "PK", "#sk", "SK"))
                    .expressionAttributeValues(Map.of(
                            ":p",
                            AttributeValue.fromS(onIndex ? "G#" + partition : partition),
                            ":s",
                            AttributeValue.fromS(prefix)))
                    .scanIndexForward(forward)
                    .limit(limit)
                    .exclusiveStartKey(start);
            if (onIndex) {
                q.indexName("GSI1");
            }
            QueryResponse page = dynamo.query(q.build());
            assertThat(page.count()).isEqualTo(page.items().size()).isEqualTo(page.scannedCount());
            assertThat(page.count()).isLessThanOrEqualTo(limit);
            if (page.hasLastEvaluatedKey()) {
                assertThat(page.count()).isEqualTo(limit);
                Map<String, AttributeValue> last = page.items().get(page.count() - 1);
                assertThat(page.lastEvaluatedKey())
                        .containsEntry("PK", last.get("PK"))
                        .containsEntry("SK", last.get("SK"))
                        .hasSize(onIndex ? 4 : 2);
            }
            page.items().forEach(item -> read.add(item.get("SK").s()));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return read;
    }

    /** The common prefix, a few random prefixes of stored keys, and one that matches nothing. */
    private static List<String> prefixes(List<String> keys, Random random) {
        List<String> prefixes = new ArrayList<>(List.of("TWEET#", "TWEET#~"));
        for (int i = 0; i < 4; i++) {
            String key = keys.get(random.nextInt(keys.size()));
            prefixes.add(key.substring(0, 7 + random.nextInt(Math.max(1, key.length() - 6))));
        }
        return prefixes;
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String word(Random random, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            // a small alphabet in the first places makes long shared prefixes common
            c[i] = ALPHABET.charAt(random.nextInt(i < 3 ? 3 : ALPHABET.length()));
        }
        return new String(c);
    }

    private static WriteRequest put(String partition, String sk, String gsk) {
        return WriteRequest.builder()
                .putRequest(
                        PutRequest.builder().item(itemOf(partition, sk, gsk)).build())
                .build();
    }

    private static Map<String, AttributeValue> itemOf(String partition, String sk, String gsk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS(partition));
        item.put("SK", AttributeValue.fromS(sk));
        item.put("GSI1PK", AttributeValue.fromS("G#" + partition));
        item.put("GSI1SK", AttributeValue.fromS(gsk));
        item.put("body", AttributeValue.fromS("b".repeat(50)));
        return item;
    }

    private static void write(List<WriteRequest> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<WriteRequest> chunk = List.copyOf(batch);
        dynamo.batchWriteItem(r -> r.requestItems(Map.of(TABLE, chunk)));
        batch.clear();
    }
}
