package dev.singletable.streams;

import dev.singletable.support.TestStores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Stream listeners over a test store whose rounds the test drives itself, with short timings. Features test their
 * projectors through {@link Driven}: a listener that can "crash" before its checkpoints reach the table, and the next
 * instance that re-reads the stream from its start.
 */
public final class DrivenListeners {

    static final ListenerSettings FAST = new ListenerSettings(
            Duration.ofMillis(5),
            Duration.ofMillis(20),
            3,
            Duration.ofMillis(1),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    private DrivenListeners() {}

    /** The exactly-once helper projectors commit through, on the test store's table. */
    public static OnceOnly onceOnly(TestStores.StreamStore store, String table) {
        return new OnceOnly(store.dynamo(), table, Clock.systemUTC());
    }

    /** A listener that checkpoints as usual. */
    public static Driven driven(TestStores.StreamStore store, String table, String owner, List<Projector> projectors) {
        return new Driven(listener(store, table, owner, new ShardCheckpoints(store.dynamo(), table), projectors));
    }

    /** A listener whose checkpoints are lost with the process: it projects, then "crashes" before saving any. */
    public static Driven crashingBeforeCheckpoints(
            TestStores.StreamStore store, String table, String owner, List<Projector> projectors) {
        return new Driven(listener(store, table, owner, lostCheckpoints(store, table), projectors));
    }

    static ShardCheckpoints lostCheckpoints(TestStores.StreamStore store, String table) {
        return new ShardCheckpoints(store.dynamo(), table) {
            @Override
            public void save(String shardId, Checkpoint checkpoint) {
                // lost with the process
            }
        };
    }

    static StreamListener listener(
            TestStores.StreamStore store,
            String table,
            String owner,
            ShardCheckpoints checkpoints,
            List<Projector> projectors) {
        return new StreamListener(
                store.dynamo(),
                store.streams(),
                table,
                projectors,
                checkpoints,
                new ShardLeases(store.dynamo(), table, owner, FAST.leaseDuration(), Clock.systemUTC()),
                new DeadLetters(store.dynamo(), table, Clock.systemUTC()),
                FAST,
                Clock.systemUTC());
    }

    /** Rounds until one reads nothing (bounded). */
    static void drain(StreamListener listener) {
        for (int round = 0; round < 50; round++) {
            if (listener.pollOnce() == 0) {
                return;
            }
        }
        throw new AssertionError("the stream did not drain in 50 rounds");
    }

    /** A listener seen from another package: drive its rounds, stop it. */
    public static final class Driven {
        private final StreamListener listener;

        private Driven(StreamListener listener) {
            this.listener = listener;
        }

        /** Rounds until one reads nothing (bounded). */
        public void drain() {
            DrivenListeners.drain(listener);
        }

        /** Stops it (leases given back). */
        public void stop() {
            listener.stop();
        }
    }
}
