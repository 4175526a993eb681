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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * When an item becomes due for TTL deletion, and what a sweep costs: a changed or removed TTL attribute re-schedules
 * the item, enabling TTL or restarting finds the items already stored, and a sweep examines what is due, not what is
 * stored (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html).
 */
class TtlScheduleTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final long SECONDS = NOW.getEpochSecond();

    @Test
    void aChangedOrRemovedTtlAttributeReschedulesTheItem() {
        MutableClock clock = new MutableClock(NOW);
        try (EmbeddedEngine engine = open(clock)) {
            Engine core = engine.core();
            core.createTable(TestTables.table("sessions", NOW).withTtl("exp").build());
            for (String id : new String[] {"a", "b", "c", "d", "e"}) {
                Items.put(core, "sessions", item(id, "x", "exp", SECONDS + 3600));
            }
            assertThat(engine.sweepExpiredItems()).isZero();

            Items.put(core, "sessions", item("a", "x", "exp", SECONDS - 10)); // now due
            Items.put(core, "sessions", item("b", "x", "exp", SECONDS - 10));
            Items.put(core, "sessions", item("b", "x", "exp", SECONDS + 7200)); // due, then pushed back
            Items.put(core, "sessions", item("c", "x", "exp", SECONDS - 10));
            Items.put(core, "sessions", item("c", "x")); // due, then the attribute removed
            Items.put(core, "sessions", item("d", "x", "exp", SECONDS - 10));
            Items.put(core, "sessions", item("d", "x", "exp", AttributeValue.fromS("" + (SECONDS - 10)))); // a String
            Items.put(core, "sessions", item("e", "x", "exp", SECONDS - 10));
            Items.delete(core, "sessions", item("e", "x")); // due, then deleted by a user

            assertThat(engine.sweepExpiredItems()).isEqualTo(1);
            assertThat(Items.contents(core, "sessions")).containsOnlyKeys("b|x", "c|x", "d|x");

            clock.advance(Duration.ofMinutes(90));
            assertThat(engine.sweepExpiredItems()).as("b is due in two hours").isZero();
            clock.advance(Duration.ofMinutes(31));
            assertThat(engine.sweepExpiredItems()).isEqualTo(1);
            assertThat(Items.contents(core, "sessions")).containsOnlyKeys("c|x", "d|x");
            clock.advance(Duration.ofDays(30));
            assertThat(engine.sweepExpiredItems()).isZero();
        }
    }

    @Test
    void numbersExpireByTheirValueWhateverTheirForm() {
        MutableClock clock = new MutableClock(NOW.plusMillis(500));
        try (EmbeddedEngine engine = open(clock)) {
            Engine core = engine.core();
            core.createTable(TestTables.table("things", NOW).withTtl("exp").build());
            Items.put(core, "things", item("exponent", "x", "exp", AttributeValue.fromN("1.7E9")));
            Items.put(core, "things", item("huge", "x", "exp", AttributeValue.fromN("1E+100")));
            Items.put(core, "things", item("negative", "x", "exp", AttributeValue.fromN("-5")));
            Items.put(core, "things", item("tiny", "x", "exp", AttributeValue.fromN("1E-130")));
            Items.put(core, "things", item("quarter", "x", "exp", AttributeValue.fromN(SECONDS + ".25")));
            Items.put(core, "things", item("threeQuarters", "x", "exp", AttributeValue.fromN(SECONDS + ".75")));
            Items.put(core, "things", item("padded", "x", "exp", AttributeValue.fromN("0000" + (SECONDS - 1))));

            assertThat(engine.sweepExpiredItems()).isEqualTo(3);
            assertThat(Items.contents(core, "things"))
                    .containsOnlyKeys("huge|x", "negative|x", "tiny|x", "threeQuarters|x");
            clock.advance(Duration.ofMillis(300));
            assertThat(engine.sweepExpiredItems()).isEqualTo(1);
            assertThat(Items.contents(core, "things")).containsOnlyKeys("huge|x", "negative|x", "tiny|x");
        }
    }

    @Test
    void enablingTtlFindsTheItemsAlreadyStoredAndDisablingStopsTheSweep() {
        MutableClock clock = new MutableClock(NOW);
        try (EmbeddedEngine engine = open(clock)) {
            Engine core = engine.core();
            core.createTable(TestTables.table("things", NOW).build());
            Items.put(core, "things", item("old", "x", "exp", SECONDS - 10));
            Items.put(core, "things", item("other", "x", "until", SECONDS - 10));
            Items.put(core, "things", item("later", "x", "exp", SECONDS + 60, "until", SECONDS + 60));
            assertThat(engine.sweepExpiredItems()).isZero();

            ttl(engine, "exp", true);
            assertThat(engine.sweepExpiredItems()).isEqualTo(1);
            assertThat(Items.contents(core, "things")).containsOnlyKeys("other|x", "later|x");

            ttl(engine, "exp", false);
            clock.advance(Duration.ofMinutes(2));
            assertThat(engine.sweepExpiredItems()).isZero();

            ttl(engine, "until", true);
            assertThat(engine.sweepExpiredItems()).isEqualTo(2);
            assertThat(Items.contents(core, "things")).isEmpty();
        }
    }

    @Test
    void aRestartedEngineStillExpiresWhatItStored(@TempDir Path dir) {
        MutableClock clock = new MutableClock(NOW);
        EngineOptions options = EngineOptions.durable(dir).withClock(clock).withTtlSweepInterval(Duration.ofHours(1));
        try (EmbeddedEngine engine = TestEngines.open(options)) {
            Engine core = engine.core();
            core.createTable(TestTables.table("things", NOW).withTtl("exp").build());
            Items.put(core, "things", item("snapshotted", "x", "exp", SECONDS + 60));
            engine.snapshot();
            Items.put(core, "things", item("logged", "x", "exp", SECONDS + 60));
            Items.put(core, "things", item("kept", "x", "exp", SECONDS + 3600));
            assertThat(engine.sweepExpiredItems()).isZero();
        }
        clock.advance(Duration.ofMinutes(2));
        try (EmbeddedEngine engine = TestEngines.open(options)) {
            assertThat(engine.sweepExpiredItems()).isEqualTo(2);
            assertThat(Items.contents(engine.core(), "things")).containsOnlyKeys("kept|x");
        }
        try (EmbeddedEngine engine = TestEngines.open(options)) {
            assertThat(Items.contents(engine.core(), "things"))
                    .as("a TTL deletion is as durable as any write")
                    .containsOnlyKeys("kept|x");
        }
    }

    @Test
    void aSweepExaminesWhatIsDueNotWhatIsStored() {
        MutableClock clock = new MutableClock(NOW);
        try (EmbeddedEngine engine = open(clock)) {
            Engine core = engine.core();
            core.createTable(TestTables.table("things", NOW).withTtl("exp").build());
            TtlSweeper sweeper = new TtlSweeper(core, Duration.ofHours(1));
            for (int i = 0; i < 2_000; i++) {
                Items.put(core, "things", item("live" + i, "x", "exp", SECONDS + 3600 + i));
            }
            for (int i = 0; i < 2_000; i++) {
                Items.put(core, "things", item("none" + i, "x"));
            }
            sweeper.sweep(); // the first sweep of a table may read it whole once
            for (int i = 0; i < 3; i++) {
                Items.put(core, "things", item("due" + i, "x", "exp", SECONDS - 10 - i));
            }

            long before = sweeper.examinedItems();
            assertThat(sweeper.sweep()).isEqualTo(3);
            assertThat(sweeper.examinedItems() - before).isEqualTo(3);

            before = sweeper.examinedItems();
            assertThat(sweeper.sweep()).isZero();
            assertThat(sweeper.examinedItems() - before).isZero();

            clock.advance(Duration.ofSeconds(3600 + 10));
            before = sweeper.examinedItems();
            assertThat(sweeper.sweep()).isEqualTo(10);
            assertThat(sweeper.examinedItems() - before).isEqualTo(10);
        }
    }

    private static EmbeddedEngine open(MutableClock clock) {
        return TestEngines.open(EngineOptions.inMemory().withClock(clock).withTtlSweepInterval(Duration.ofHours(1)));
    }

    private static void ttl(EmbeddedEngine engine, String attribute, boolean enabled) {
        engine.dynamoDbClient().updateTimeToLive(b -> b.tableName("things")
                .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(enabled)));
    }
}
