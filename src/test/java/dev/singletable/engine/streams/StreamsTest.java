package dev.singletable.engine.streams;

import static dev.singletable.engine.durability.Items.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.MutableClock;
import dev.singletable.engine.TestEngines;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.durability.Items;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.table.TestTables;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class StreamsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.250Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<EmbeddedEngine> opened = new ArrayList<>();

    @TempDir
    Path dir;

    private EmbeddedEngine open(EngineOptions options) {
        EmbeddedEngine e = TestEngines.open(options.withClock(clock));
        opened.add(e);
        return e;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(EmbeddedEngine::close);
    }

    private static String streamArn(Engine engine, String table) {
        return engine.requireTable(table).definition().latestStreamArn();
    }

    private static List<Record> readAll(DynamoDbStreamsClient streams, String arn) {
        List<Record> out = new ArrayList<>();
        StreamDescription d = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        for (Shard shard : d.shards()) {
            String it = streams.getShardIterator(b ->
                            b.streamArn(arn).shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (it != null) {
                String current = it;
                GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(current));
                out.addAll(r.records());
                if (r.records().isEmpty()) {
                    break;
                }
                it = r.nextShardIterator();
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(
            value = StreamViewType.class,
            names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void everyViewTypeShowsItsImagesAndNoRecordForWritesThatChangeNothing(StreamViewType view) {
        EmbeddedEngine engine = open(EngineOptions.inMemory());
        Engine core = engine.core();
        core.createTable(TestTables.table("tbl", T0).withStream(view, T0).build());
        Items.put(core, "tbl", item("p", "s", "x", "1")); // INSERT
        Items.put(core, "tbl", item("p", "s", "x", "1")); // same item: no record
        clock.advance(Duration.ofSeconds(3));
        Items.put(core, "tbl", item("p", "s", "y", "2")); // MODIFY
        Items.delete(core, "tbl", item("p", "s")); // REMOVE
        Items.delete(core, "tbl", item("p", "s")); // nothing to delete: no record

        List<Record> records = readAll(engine.dynamoDbStreamsClient(), streamArn(core, "tbl"));

        assertThat(records)
                .extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        Map<String, AttributeValue> keys = item("p", "s");
        Map<String, AttributeValue> first = item("p", "s", "x", "1");
        Map<String, AttributeValue> second = item("p", "s", "y", "2");
        boolean showNew = view == StreamViewType.NEW_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean showOld = view == StreamViewType.OLD_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        List<Map<String, AttributeValue>> expectedNew = new ArrayList<>();
        expectedNew.add(first);
        expectedNew.add(second);
        expectedNew.add(null);
        List<Map<String, AttributeValue>> expectedOld = new ArrayList<>();
        expectedOld.add(null);
        expectedOld.add(first);
        expectedOld.add(second);
        for (int i = 0; i < 3; i++) {
            Record r = records.get(i);
            assertThat(r.eventSource()).isEqualTo("aws:dynamodb");
            assertThat(r.eventVersion()).isEqualTo("1.1");
            assertThat(r.awsRegion()).isEqualTo("us-east-1");
            assertThat(r.eventID()).hasSize(32);
            assertThat(r.userIdentity()).isNull();
            assertThat(r.dynamodb().keys()).isEqualTo(keys);
            assertThat(r.dynamodb().streamViewType()).isEqualTo(view);
            assertThat(r.dynamodb().hasNewImage()).isEqualTo(showNew && expectedNew.get(i) != null);
            assertThat(r.dynamodb().hasOldImage()).isEqualTo(showOld && expectedOld.get(i) != null);
            if (r.dynamodb().hasNewImage()) {
                assertThat(r.dynamodb().newImage()).isEqualTo(expectedNew.get(i));
            }
            if (r.dynamodb().hasOldImage()) {
                assertThat(r.dynamodb().oldImage()).isEqualTo(expectedOld.get(i));
            }
            long expectedSize = TestEngines.keySize(keys)
                    + (r.dynamodb().hasNewImage()
                            ? Items.stored(r.dynamodb().newImage()).size()
                            : 0)
                    + (r.dynamodb().hasOldImage()
                            ? Items.stored(r.dynamodb().oldImage()).size()
                            : 0);
            assertThat(r.dynamodb().sizeBytes()).isEqualTo(expectedSize);
            assertThat(r.dynamodb().sequenceNumber()).matches("\\d{21}");
        }
        assertThat(records.get(0).dynamodb().approximateCreationDateTime())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(records.get(1).dynamodb().approximateCreationDateTime())
                .isEqualTo(Instant.parse("2026-03-01T10:00:03Z"));
        assertThat(records)
                .extracting(r -> new BigInteger(r.dynamodb().sequenceNumber()))
                .isSorted();
    }

    @Test
    void iteratorTypesAndPaging() {
        EmbeddedEngine engine = open(EngineOptions.inMemory());
        Engine core = engine.core();
        DynamoDbStreamsClient streams = engine.dynamoDbStreamsClient();
        core.createTable(TestTables.table("tbl", T0)
                .withStream(StreamViewType.KEYS_ONLY, T0)
                .build());
        String arn = streamArn(core, "tbl");
        String shardId = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String latestBeforeWrites = streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.LATEST))
                .shardIterator();
        for (int i = 0; i < 5; i++) {
            Items.put(core, "tbl", item("p", "s" + i));
        }
        // a transaction's changes are records in the order of its writes
        Items.transact(
                core,
                List.of(new Items.Write("tbl", item("q", "a"), null), new Items.Write("tbl", item("q", "b"), null)));

        GetRecordsResponse page1 =
                streams.getRecords(b -> b.shardIterator(latestBeforeWrites).limit(3));
        assertThat(page1.records())
                .extracting(r -> r.dynamodb().keys().get("sk").s())
                .containsExactly("s0", "s1", "s2");
        GetRecordsResponse page2 = streams.getRecords(
                b -> b.shardIterator(page1.nextShardIterator()).limit(10));
        assertThat(page2.records())
                .extracting(r -> r.dynamodb().keys().get("sk").s())
                .containsExactly("s3", "s4", "a", "b");
        GetRecordsResponse page3 = streams.getRecords(b -> b.shardIterator(page2.nextShardIterator()));
        assertThat(page3.records()).isEmpty();
        assertThat(page3.nextShardIterator()).isNotNull(); // an open shard always has more to come

        String third = page1.records().get(2).dynamodb().sequenceNumber();
        String at = streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .sequenceNumber(third))
                .shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(at).limit(1))
                        .records()
                        .get(0)
                        .dynamodb()
                        .sequenceNumber())
                .isEqualTo(third);
        String after = streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                        .sequenceNumber(third))
                .shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(after).limit(1))
                        .records()
                        .get(0)
                        .dynamodb()
                        .keys()
                        .get("sk")
                        .s())
                .isEqualTo("s3");
        String latest = streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.LATEST))
                .shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(latest)).records()).isEmpty();
        Items.put(core, "tbl", item("z", "z"));
        assertThat(streams.getRecords(b -> b.shardIterator(latest)).records()).hasSize(1);
        String start = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0)
                .sequenceNumberRange()
                .startingSequenceNumber();
        String fromStart = streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .sequenceNumber(start))
                .shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(fromStart)).records())
                .hasSize(8);
    }

    @Test
    void iteratorsExpireAfterFifteenMinutes() {
        EmbeddedEngine engine = open(EngineOptions.inMemory());
        engine.core()
                .createTable(TestTables.table("tbl", T0)
                        .withStream(StreamViewType.KEYS_ONLY, T0)
                        .build());
        DynamoDbStreamsClient streams = engine.dynamoDbStreamsClient();
        String arn = streamArn(engine.core(), "tbl");
        String shardId = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String it = streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        clock.advance(Duration.ofMinutes(15));
        String next = streams.getRecords(b -> b.shardIterator(it)).nextShardIterator();
        clock.advance(Duration.ofMinutes(15).plusMillis(1));
        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(next)))
                .isInstanceOf(ExpiredIteratorException.class)
                .hasMessageContaining("Shard iterator has expired");
    }

    @Test
    void recordsOlderThanADayAreTrimmed() {
        EmbeddedEngine engine = open(EngineOptions.inMemory());
        Engine core = engine.core();
        core.createTable(TestTables.table("tbl", T0)
                .withStream(StreamViewType.KEYS_ONLY, T0)
                .build());
        DynamoDbStreamsClient streams = engine.dynamoDbStreamsClient();
        String arn = streamArn(core, "tbl");
        Items.put(core, "tbl", item("old", "1"));
        String shardId = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String oldSequence = readAll(streams, arn).get(0).dynamodb().sequenceNumber();
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        String horizon = streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(horizon)))
                .isInstanceOf(TrimmedDataAccessException.class);
        assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .sequenceNumber(oldSequence)))
                .isInstanceOf(TrimmedDataAccessException.class);
        String fresh = streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(fresh)).records()).isEmpty();
    }

    @Test
    void disablingClosesTheShardAndReEnablingMakesANewStream() {
        EmbeddedEngine engine = open(EngineOptions.inMemory());
        Engine core = engine.core();
        DynamoDbStreamsClient streams = engine.dynamoDbStreamsClient();
        TableDefinition def = TestTables.table("tbl", T0)
                .withStream(StreamViewType.NEW_IMAGE, T0)
                .build();
        core.createTable(def);
        String firstArn = def.latestStreamArn();
        Items.put(core, "tbl", item("a", "1"));
        clock.advance(Duration.ofSeconds(10));
        core.redefine(
                core.requireTable("tbl"),
                TestTables.streamOff(core.requireTable("tbl").definition()));
        Items.put(core, "tbl", item("a", "2")); // not streamed
        clock.advance(Duration.ofSeconds(10));
        core.redefine(
                core.requireTable("tbl"),
                TestTables.streamOn(core.requireTable("tbl").definition(), StreamViewType.KEYS_ONLY, clock.instant()));
        String secondArn = streamArn(core, "tbl");
        Items.put(core, "tbl", item("a", "3"));

        assertThat(secondArn).isNotEqualTo(firstArn);
        StreamDescription first =
                streams.describeStream(b -> b.streamArn(firstArn)).streamDescription();
        assertThat(first.streamStatus()).isEqualTo(StreamStatus.DISABLED);
        Shard closed = first.shards().get(0);
        assertThat(closed.sequenceNumberRange().endingSequenceNumber()).isNotNull();
        String it = streams.getShardIterator(b -> b.streamArn(firstArn)
                        .shardId(closed.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        GetRecordsResponse all = streams.getRecords(b -> b.shardIterator(it));
        assertThat(all.records()).hasSize(1);
        assertThat(all.nextShardIterator()).as("a closed shard read to its end").isNull();
        assertThat(closed.sequenceNumberRange().endingSequenceNumber())
                .isEqualTo(all.records().get(0).dynamodb().sequenceNumber());

        StreamDescription second =
                streams.describeStream(b -> b.streamArn(secondArn)).streamDescription();
        assertThat(second.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(second.streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
        assertThat(readAll(streams, secondArn))
                .extracting(r -> r.dynamodb().keys().get("sk").s())
                .containsExactly("3");
        assertThat(streams.listStreams(b -> b.tableName("tbl")).streams())
                .extracting(s -> s.streamArn())
                .containsExactly(firstArn, secondArn);

        core.dropTable(core.requireTable("tbl"));
        assertThat(streams.describeStream(b -> b.streamArn(secondArn))
                        .streamDescription()
                        .streamStatus())
                .isEqualTo(StreamStatus.DISABLED);
        clock.advance(Duration.ofHours(25));
        assertThat(streams.listStreams().streams()).isEmpty();
    }

    @Test
    void shardsRollOverAndChildrenNameTheirParent() {
        EmbeddedEngine engine = open(EngineOptions.inMemory());
        Engine core = engine.core();
        DynamoDbStreamsClient streams = engine.dynamoDbStreamsClient();
        core.createTable(TestTables.table("tbl", T0)
                .withStream(StreamViewType.KEYS_ONLY, T0)
                .build());
        String arn = streamArn(core, "tbl");
        Items.put(core, "tbl", item("a", "1"));
        clock.advance(Duration.ofHours(4));
        Items.put(core, "tbl", item("a", "2"));

        List<Shard> shards = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards();
        assertThat(shards).hasSize(2);
        assertThat(shards.get(1).parentShardId()).isEqualTo(shards.get(0).shardId());
        assertThat(shards.get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
        assertThat(shards.get(1).sequenceNumberRange().endingSequenceNumber()).isNull();
        assertThat(shards.get(0).shardId()).isLessThan(shards.get(1).shardId());
        assertThat(streams.describeStream(b -> b.streamArn(arn).shardFilter(f -> f.type("CHILD_SHARDS")
                                .shardId(shards.get(0).shardId())))
                        .streamDescription()
                        .shards())
                .extracting(Shard::shardId)
                .containsExactly(shards.get(1).shardId());
        StreamDescription page =
                streams.describeStream(b -> b.streamArn(arn).limit(1)).streamDescription();
        assertThat(page.shards()).hasSize(1);
        assertThat(page.lastEvaluatedShardId()).isEqualTo(shards.get(0).shardId());
        assertThat(readAll(streams, arn))
                .extracting(r -> r.dynamodb().keys().get("sk").s())
                .containsExactly("1", "2");
    }

    @Test
    void streamRecordsSurviveARestartWithTheSameSequenceNumbers() {
        Path data = dir.resolve("data");
        List<Record> before;
        String arn;
        try (EmbeddedEngine engine =
                TestEngines.open(EngineOptions.durable(data).withClock(clock))) {
            Engine core = engine.core();
            core.createTable(TestTables.table("tbl", T0)
                    .withStream(StreamViewType.NEW_AND_OLD_IMAGES, T0)
                    .build());
            arn = streamArn(core, "tbl");
            Items.put(core, "tbl", item("a", "1", "v", "1"));
            engine.snapshot(); // these records travel in the snapshot...
            Items.put(core, "tbl", item("a", "1", "v", "2"));
            Items.delete(core, "tbl", item("a", "1")); // ...and these are replayed from the log
            before = readAll(engine.dynamoDbStreamsClient(), arn);
            assertThat(before).hasSize(3);
        }
        try (EmbeddedEngine engine =
                TestEngines.open(EngineOptions.durable(data).withClock(clock))) {
            assertThat(readAll(engine.dynamoDbStreamsClient(), arn)).isEqualTo(before);
        }
    }

    @Test
    void requestErrorsAsDynamoDbStreams() {
        EmbeddedEngine engine = open(EngineOptions.inMemory());
        Engine core = engine.core();
        DynamoDbStreamsClient streams = engine.dynamoDbStreamsClient();
        core.createTable(TestTables.table("tbl", T0)
                .withStream(StreamViewType.KEYS_ONLY, T0)
                .build());
        String arn = streamArn(core, "tbl");
        String shardId = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();

        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn("x".repeat(40))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Invalid StreamArn");
        String missing = arn.replace("/tbl/", "/other/");
        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(missing)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found: Stream: " + missing + " not found");
        assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId("shardId-" + "9".repeat(29))
                        .shardIteratorType(ShardIteratorType.LATEST)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Shard does not exist");
        assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.LATEST)
                        .sequenceNumber("1" + "0".repeat(20))))
                .isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shardId).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)))
                .isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shardId).shardIteratorType("bulle")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining(
                        "at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set");
        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator("sdfsdfsgagaddafgagasgasgasdfasdf")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Invalid ShardIterator");
        assertThatThrownBy(() -> streams.listStreams(b -> b.limit(0)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                                e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                                + "Member must have value greater than or equal to 1"));
        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator("x").limit(1001)))
                .isInstanceOf(DynamoDbException.class);
    }

    /**
     * A ShardFilter needs a known Type and a well-formed ShardId: an unknown type, a missing member or a malformed
     * shard id is a ValidationException naming 'shardFilter.…' (AWS's answers in ScyllaDB's test_streams.py::
     * test_stream_shard_filtering_*, run against AWS); the engine ignored such a filter and listed every shard.
     */
    @Test
    void aShardFilterIsValidated() {
        EmbeddedEngine engine = open(EngineOptions.inMemory());
        Engine core = engine.core();
        DynamoDbStreamsClient streams = engine.dynamoDbStreamsClient();
        core.createTable(TestTables.table("tbl", T0)
                .withStream(StreamViewType.KEYS_ONLY, T0)
                .build());
        String arn = streamArn(core, "tbl");
        String shardId = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        assertThat(streams.describeStream(b -> b.streamArn(arn)
                                .shardFilter(f -> f.type("CHILD_SHARDS").shardId(shardId)))
                        .streamDescription()
                        .shards())
                .isEmpty();
        assertThatThrownBy(() -> streams.describeStream(
                        b -> b.streamArn(arn).shardFilter(f -> f.type("foo").shardId(shardId))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                                e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value 'foo' at "
                                + "'shardFilter.type' failed to satisfy constraint: Member must satisfy enum value set: "
                                + "[CHILD_SHARDS]"));
        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(arn).shardFilter(f -> f.shardId(shardId))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                                e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value null at 'shardFilter.type' failed to satisfy "
                                + "constraint: Member must not be null"));
        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(arn).shardFilter(f -> f.type("CHILD_SHARDS"))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                                e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value null at 'shardFilter.shardId' failed to satisfy "
                                + "constraint: Member must not be null"));
        assertThatThrownBy(() -> streams.describeStream(b ->
                        b.streamArn(arn).shardFilter(f -> f.type("CHILD_SHARDS").shardId("qwerty"))))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("at 'shardFilter.shardId'"));
    }
}
