package dev.singletable.streams;

import dev.singletable.support.TestStores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Stream listeners over a test store whose rounds the test drives itself, with short timings. */
final class DrivenListeners {

    static final ListenerSettings FAST = new ListenerSettings(Duration.ofMillis(5), Duration.ofMillis(20), 3,
            Duration.ofMillis(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

    private DrivenListeners() {
    }

    static StreamListener listener(TestStores.StreamStore store, String table, String owner,
            ShardCheckpoints checkpoints, List<Projector> projectors) {
        return new StreamListener(store.dynamo(), store.streams(), table, projectors, checkpoints,
                new ShardLeases(store.dynamo(), table, owner, FAST.leaseDuration(), Clock.systemUTC()),
                new DeadLetters(store.dynamo(), table, Clock.systemUTC()), FAST, Clock.systemUTC());
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
}
