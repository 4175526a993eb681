package dev.singletable.engine.ttl;

import static dev.singletable.engine.durability.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.MutableClock;
import dev.singletable.engine.TestEngines;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.durability.Items;
import dev.singletable.engine.table.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class TtlTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void rulesFollowDynamoDb() {
        long now = NOW.toEpochMilli();
        long nowSeconds = NOW.getEpochSecond();
        assertThat(TtlRules.expired(AttributeValue.fromN(String.valueOf(nowSeconds - 1)), now))
                .isTrue();
        assertThat(TtlRules.expired(AttributeValue.fromN(String.valueOf(nowSeconds)), now))
                .isFalse();
        assertThat(TtlRules.expired(AttributeValue.fromN(String.valueOf(nowSeconds + 60)), now))
                .isFalse();
        assertThat(TtlRules.expired(AttributeValue.fromN("1.7E9"), now)).isTrue();
        assertThat(TtlRules.expired(AttributeValue.fromN(String.valueOf(now)), now))
                .as("milliseconds by mistake")
                .isFalse();
        long fiveYearsAgo = NOW.atZone(ZoneOffset.UTC).minusYears(5).toEpochSecond();
        assertThat(TtlRules.expired(AttributeValue.fromN(String.valueOf(fiveYearsAgo)), now))
                .isTrue();
        assertThat(TtlRules.expired(AttributeValue.fromN(String.valueOf(fiveYearsAgo - 1)), now))
                .isFalse();
        assertThat(TtlRules.expired(AttributeValue.fromS(String.valueOf(nowSeconds - 1)), now))
                .isFalse();
        assertThat(TtlRules.expired(null, now)).isFalse();
    }

    @Test
    void expiredItemsGoWithTheirIndexEntriesAndAServiceRemoveRecord() {
        MutableClock clock = new MutableClock(NOW);
        try (EmbeddedEngine engine =
                TestEngines.open(EngineOptions.inMemory().withClock(clock).withTtlSweepInterval(Duration.ofHours(1)))) {
            Engine core = engine.core();
            core.createTable(TestTables.table("sessions", NOW)
                    .withGsi("byUser")
                    .withStream(StreamViewType.NEW_AND_OLD_IMAGES, NOW)
                    .withTtl("expiresAt")
                    .build());
            long now = NOW.getEpochSecond();
            Items.put(core, "sessions", item("s1", "a", "gpk", "u1", "gsk", "x", "expiresAt", now - 10));
            Items.put(core, "sessions", item("s2", "a", "gpk", "u1", "gsk", "y", "expiresAt", now + 3600));
            Items.put(core, "sessions", item("s3", "a", "gpk", "u2", "gsk", "z"));
            Items.put(core, "sessions", item("s4", "a", "expiresAt", AttributeValue.fromS("" + (now - 10))));
            Items.put(core, "sessions", item("s5", "a", "expiresAt", now - 6L * 366 * 24 * 3600));
            Items.put(
                    core,
                    "sessions",
                    item(
                            "s6",
                            "a",
                            "nested",
                            AttributeValue.fromM(Map.of("expiresAt", AttributeValue.fromN("" + (now - 10))))));

            assertThat(engine.sweepExpiredItems()).isEqualTo(1);

            assertThat(Items.contents(core, "sessions")).containsOnlyKeys("s2|a", "s3|a", "s4|a", "s5|a", "s6|a");
            assertThat(core.requireTable("sessions").data().index("byUser").itemCount())
                    .isEqualTo(2);

            List<Record> records = removeRecords(
                    engine.dynamoDbStreamsClient(),
                    core.requireTable("sessions").definition().latestStreamArn());
            assertThat(records).hasSize(1);
            Record remove = records.get(0);
            assertThat(remove.dynamodb().keys()).isEqualTo(item("s1", "a"));
            assertThat(remove.dynamodb().oldImage()).containsEntry("expiresAt", AttributeValue.fromN("" + (now - 10)));
            assertThat(remove.userIdentity().type()).isEqualTo("Service");
            assertThat(remove.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");

            clock.advance(Duration.ofHours(2));
            assertThat(engine.sweepExpiredItems()).isEqualTo(1);
            assertThat(Items.contents(core, "sessions")).doesNotContainKey("s2|a");
        }
    }

    @Test
    void theBackgroundSweeperRunsOnItsInterval() throws InterruptedException {
        try (EmbeddedEngine engine =
                TestEngines.open(EngineOptions.inMemory().withTtlSweepInterval(Duration.ofMillis(20)))) {
            Engine core = engine.core();
            core.createTable(TestTables.hashOnly("cache", NOW).withTtl("ttl").build());
            Items.put(core, "cache", item("k", null, "ttl", Instant.now().getEpochSecond() - 1));
            long deadline = System.currentTimeMillis() + 5000;
            while (!Items.contents(core, "cache").isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(Items.contents(core, "cache")).isEmpty();
        }
    }

    private static List<Record> removeRecords(DynamoDbStreamsClient streams, String arn) {
        String shard = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String it = streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        return streams.getRecords(b -> b.shardIterator(it)).records().stream()
                .filter(r -> r.eventName() == OperationType.REMOVE)
                .toList();
    }
}
