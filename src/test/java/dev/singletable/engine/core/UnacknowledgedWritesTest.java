package dev.singletable.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.table.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * No reader sees a write before the journal acknowledges it (issue #17, finding 1), checked deterministically: the
 * engine records into a journal whose "disk" the test holds back, so a write sits between its commit and its
 * acknowledgement for as long as the test likes. Meanwhile every read path (GetItem with ConsistentRead, Query on
 * the table and on an index, Scan, BatchGetItem, TransactGetItems, the stream) must show the state before it, and the
 * next writer must still build on it (writes stay serializable), answering only once what it saw is durable. The
 * process-level version (SIGKILL, restart) is {@code ProcessCrashTest}.
 */
class UnacknowledgedWritesTest {

    private final EmbeddedEngine engine = EmbeddedEngine.inMemory();
    private final DynamoDbClient dynamo = engine.dynamoDbClient();
    private final DynamoDbStreamsClient streams = engine.dynamoDbStreamsClient();
    private final ExecutorService writers = Executors.newCachedThreadPool();
    private final HeldDisk disk = new HeldDisk();
    private String streamArn;

    @BeforeEach
    void setUp() {
        streamArn = dynamo.createTable(b -> b.tableName("tbl")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                                .keyType(KeyType.RANGE))
                        .attributeDefinitions(
                                a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                        .globalSecondaryIndexes(g -> g.indexName("byG")
                                .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))
                        .streamSpecification(
                                s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                        .billingMode(BillingMode.PAY_PER_REQUEST))
                .tableDescription()
                .latestStreamArn();
        put("a", "1");
        engine.core().attachJournal(disk);
    }

    @AfterEach
    void tearDown() {
        disk.acknowledgeAll();
        writers.shutdownNow();
        engine.close();
    }

    @Test
    void aWriteIsInvisibleToEveryReadPathUntilAcknowledged() throws Exception {
        Future<?> write =
                writers.submit(() -> dynamo.putItem(b -> b.tableName("tbl").item(item("a", "2"))));
        disk.awaitRecorded(1);
        assertRunning(write);

        assertThat(consistentGet("a")).isEqualTo("1");
        assertThat(dynamo.query(b -> b.tableName("tbl")
                                .consistentRead(true)
                                .keyConditionExpression("pk = :p")
                                .expressionAttributeValues(Map.of(":p", s("a"))))
                        .items())
                .extracting(i -> i.get("v").s())
                .containsExactly("1");
        assertThat(dynamo.query(b -> b.tableName("tbl")
                                .indexName("byG")
                                .keyConditionExpression("g = :g")
                                .expressionAttributeValues(Map.of(":g", s("g-2"))))
                        .items())
                .isEmpty();
        assertThat(dynamo.scan(b -> b.tableName("tbl").consistentRead(true)).items())
                .extracting(i -> i.get("v").s())
                .containsExactly("1");
        assertThat(dynamo.batchGetItem(b -> b.requestItems(Map.of(
                                "tbl",
                                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                                        .keys(key("a"))
                                        .consistentRead(true)
                                        .build())))
                        .responses()
                        .get("tbl"))
                .extracting(i -> i.get("v").s())
                .containsExactly("1");
        assertThat(transactGet("a")).isEqualTo("1");
        assertThat(streamValues()).containsExactly("1");

        disk.acknowledgeAll();
        write.get(10, TimeUnit.SECONDS);
        assertThat(consistentGet("a")).isEqualTo("2");
        assertThat(transactGet("a")).isEqualTo("2");
        assertThat(dynamo.query(b -> b.tableName("tbl")
                                .indexName("byG")
                                .keyConditionExpression("g = :g")
                                .expressionAttributeValues(Map.of(":g", s("g-2"))))
                        .items())
                .hasSize(1);
        assertThat(streamValues()).containsExactly("1", "2");
    }

    @Test
    void theNextWriterBuildsOnAnUnacknowledgedWriteAndAnswersOnlyOnceItIsDurable() throws Exception {
        Future<?> first = writers.submit(() -> dynamo.updateItem(b -> b.tableName("tbl")
                .key(key("a"))
                .updateExpression("SET n = :one")
                .expressionAttributeValues(Map.of(":one", n("1")))));
        disk.awaitRecorded(1);
        // the second update reads the first's result (serializable writes), though no reader can see it yet
        Future<String> second = writers.submit(() -> dynamo.updateItem(b -> b.tableName("tbl")
                        .key(key("a"))
                        .updateExpression("SET n = n + :one")
                        .expressionAttributeValues(Map.of(":one", n("1")))
                        .returnValues("UPDATED_NEW"))
                .attributes()
                .get("n")
                .n());
        disk.awaitRecorded(2);
        // a condition failing on a state that is not durable yet is not reported before that state is durable
        Future<?> refused = writers.submit(() -> dynamo.putItem(
                b -> b.tableName("tbl").item(item("a", "x")).conditionExpression("attribute_not_exists(n)")));
        assertRunning(first);
        assertRunning(second);
        assertRunning(refused);
        assertThat(consistentGet("a")).isEqualTo("1");
        assertThat(dynamo.getItem(b -> b.tableName("tbl").key(key("a")).consistentRead(true))
                        .item())
                .doesNotContainKey("n");

        disk.acknowledge(1);
        first.get(10, TimeUnit.SECONDS);
        assertThat(dynamo.getItem(b -> b.tableName("tbl").key(key("a")).consistentRead(true))
                        .item()
                        .get("n")
                        .n())
                .isEqualTo("1");
        assertRunning(second);
        assertRunning(refused);

        disk.acknowledgeAll();
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("2");
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConditionalCheckFailedException.class);
        assertThat(dynamo.getItem(b -> b.tableName("tbl").key(key("a")).consistentRead(true))
                        .item()
                        .get("n")
                        .n())
                .isEqualTo("2");
    }

    @Test
    void aTransactionBecomesVisibleWhole() throws Exception {
        Future<?> tx = writers.submit(() -> dynamo.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName("tbl").item(item("a", "tx"))),
                t -> t.put(p -> p.tableName("tbl").item(item("b", "tx"))))));
        disk.awaitRecorded(1);
        assertThat(consistentGet("b")).isNull();
        assertThat(transactGet("a")).isEqualTo("1");
        disk.acknowledgeAll();
        tx.get(10, TimeUnit.SECONDS);
        assertThat(consistentGet("a")).isEqualTo("tx");
        assertThat(consistentGet("b")).isEqualTo("tx");
    }

    @Test
    void aCatalogChangeWaitsForEveryEarlierWriteAndBackfillsIt() throws Exception {
        Future<?> write = writers.submit(() -> dynamo.putItem(
                b -> b.tableName("tbl").item(Map.of("pk", s("b"), "sk", s("s"), "v", s("new"), "h", s("h1")))));
        disk.awaitRecorded(1);
        Future<?> addIndex = writers.submit(() -> dynamo.updateTable(b -> b.tableName("tbl")
                .attributeDefinitions(a -> a.attributeName("h").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byH")
                        .keySchema(k -> k.attributeName("h").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))));
        assertRunning(addIndex);
        assertThat(consistentGet("b")).isNull();
        disk.acknowledgeAll();
        write.get(10, TimeUnit.SECONDS);
        addIndex.get(10, TimeUnit.SECONDS);
        assertThat(dynamo.query(b -> b.tableName("tbl")
                                .indexName("byH")
                                .keyConditionExpression("h = :h")
                                .expressionAttributeValues(Map.of(":h", s("h1"))))
                        .items())
                .hasSize(1);
    }

    private void put(String pk, String v) {
        dynamo.putItem(b -> b.tableName("tbl").item(item(pk, v)));
    }

    private String consistentGet(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName("tbl").key(key(pk)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? null : item.get("v").s();
    }

    private String transactGet(String pk) {
        Map<String, AttributeValue> item = dynamo.transactGetItems(
                        b -> b.transactItems(t -> t.get(g -> g.tableName("tbl").key(key(pk)))))
                .responses()
                .get(0)
                .item();
        return item == null || item.isEmpty() ? null : item.get("v").s();
    }

    private List<String> streamValues() {
        List<String> values = new ArrayList<>();
        for (var shard : streams.describeStream(b -> b.streamArn(streamArn))
                .streamDescription()
                .shards()) {
            String it = streams.getShardIterator(b -> b.streamArn(streamArn)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            String current = it;
            for (Record r : streams.getRecords(b -> b.shardIterator(current)).records()) {
                values.add(r.dynamodb().newImage().get("v").s());
            }
        }
        return values;
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk), "sk", s("s"));
    }

    private static Map<String, AttributeValue> item(String pk, String v) {
        return Map.of("pk", s(pk), "sk", s("s"), "v", s(v), "g", s("g-" + v));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    private static void assertRunning(Future<?> f) throws Exception {
        try {
            f.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException expected) {
            return;
        }
        throw new AssertionError("answered before its write was durable");
    }

    /** A journal whose disk acknowledges only what the test lets through, in order. */
    private static final class HeldDisk implements Journal {
        private long recorded;
        private long acknowledged;
        private boolean open;

        @Override
        public synchronized void items(long sequence, long timeMillis, List<ItemChange> changes) {
            recorded = sequence;
            notifyAll();
        }

        @Override
        public synchronized void tableCreated(long sequence, long timeMillis, TableDefinition definition) {
            recorded = sequence;
            notifyAll();
        }

        @Override
        public synchronized void tableRedefined(long sequence, long timeMillis, TableDefinition definition) {
            recorded = sequence;
            notifyAll();
        }

        @Override
        public synchronized void tableDropped(long sequence, long timeMillis, String tableName) {
            recorded = sequence;
            notifyAll();
        }

        @Override
        public synchronized void extension(long sequence, long timeMillis, int kind, byte[] payload) {
            recorded = sequence;
            notifyAll();
        }

        @Override
        public synchronized void awaitDurable(long sequence) {
            while (!open && acknowledged < sequence) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public synchronized long acknowledged() {
            return open ? recorded : acknowledged;
        }

        /** Waits until this many item units were recorded since the journal was attached (sequence base: 2). */
        synchronized void awaitRecorded(int units) throws InterruptedException {
            long target = base() + units;
            long deadline = System.currentTimeMillis() + 10_000;
            while (recorded < target && System.currentTimeMillis() < deadline) {
                wait(100);
            }
            assertThat(recorded).as("units recorded").isGreaterThanOrEqualTo(target);
        }

        synchronized void acknowledge(int units) {
            acknowledged = base() + units;
            notifyAll();
        }

        /** From now on every record is acknowledged as soon as it is recorded. */
        synchronized void acknowledgeAll() {
            open = true;
            notifyAll();
        }

        /** createTable and the first put took sequence numbers 1 and 2 before the journal was attached. */
        private static long base() {
            return 2;
        }
    }
}
