package dev.singletable.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.follows.FollowProjectors;
import dev.singletable.likes.LikeProjectors;
import dev.singletable.support.TestStores;
import dev.singletable.tweets.TweetProjectors;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The listener against the bundled engine's stream, rounds driven synchronously. */
class StreamListenerTest {

    private static final String TABLE = "listener-test";

    private TestStores.StreamStore store;

    @BeforeEach
    void open() {
        store = TestStores.withTableAndStream(TABLE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void countersStayExactWhenARestartRedeliversRecordsThatWereProcessedButNotCheckpointed() {
        user("ann");
        user("bob");
        user("cat");
        follow("ann", "bob");
        follow("cat", "bob");
        follow("bob", "ann");
        tweet("t1", "bob");
        tweet("t2", "bob");
        like("t1", "ann");
        like("t1", "cat");
        delete("USER#cat", "FOLLOWS#bob");
        delete("TWEET#t1", "LIKE#cat");

        // First instance: processes everything, then "crashes" before any checkpoint reaches the table.
        StreamListener crashing = listener("first", DrivenListeners.lostCheckpoints(store, TABLE), counters());
        DrivenListeners.drain(crashing);
        assertCounters();
        crashing.stop();

        // Second instance starts from the stream's beginning again: every record is re-delivered, nothing moves twice.
        StreamListener restarted = listener("second", checkpoints(), counters());
        DrivenListeners.drain(restarted);
        assertCounters();
        assertThat(restarted.processed()).isGreaterThanOrEqualTo(12);

        // New changes after the restart count once.
        follow("cat", "ann");
        DrivenListeners.drain(restarted);
        assertThat(number("USER#ann", "PROFILE", "followers")).isEqualTo(2);
        assertThat(number("USER#cat", "PROFILE", "following")).isEqualTo(1);

        // A third instance resumes from the checkpoint: nothing new is delivered to the projectors.
        restarted.stop();
        StreamListener third = listener("third", checkpoints(), counters());
        DrivenListeners.drain(third);
        assertThat(third.processed()).isZero();
    }

    /**
     * Issue 21: a burst of counted changes committed one TransactWriteItems per record (over the wire, a round trip
     * each). A batch's records go in as few transactions as the 100-action limit allows (markers plus one summed
     * update per counter item); a batch re-delivered after a crash, or one with a counter item gone, falls back to
     * record by record, and every count still moves exactly once.
     */
    @Test
    void aBatchOfCountedChangesCommitsInFewTransactionsAndStillCountsOnceAfterACrash() {
        user("ann");
        user("bob");
        for (int i = 0; i < 120; i++) {
            tweet("b" + i, "bob");
        }
        tweet("a0", "ann");
        tweet("gone", "ann");
        like("gone", "bob"); // its tweet is deleted below, in the same batch: a counter item that is gone
        like("a0", "bob");
        delete("TWEET#gone", "TWEET");
        AtomicInteger transactions = new AtomicInteger();
        OnceOnly counted = new OnceOnly(countingTransactions(transactions), TABLE, Clock.systemUTC());
        List<Projector> projectors = List.of(TweetProjectors.counter(counted), LikeProjectors.counter(counted));

        StreamListener crashing = listener("first", DrivenListeners.lostCheckpoints(store, TABLE), projectors);
        DrivenListeners.drain(crashing);
        crashing.stop();
        int firstRun = transactions.get();
        StreamListener restarted = listener("second", checkpoints(), projectors);
        DrivenListeners.drain(restarted);

        // 121 tweets and 1 removed (the tweet counter; 99 records + bob's item = 100 actions, then the rest), the two
        // likes (cancelled by the gone tweet, then one each): was 127 transactions, one per record
        assertThat(firstRun).isLessThanOrEqualTo(6);
        assertThat(number("USER#bob", "PROFILE", "tweets")).isEqualTo(120);
        assertThat(number("USER#ann", "PROFILE", "tweets")).isEqualTo(1);
        assertThat(number("TWEET#a0", "TWEET", "likes")).isEqualTo(1);
        assertThat(store.dynamo()
                        .getItem(r -> r.tableName(TABLE).key(Map.of("PK", s("TWEET#gone"), "SK", s("TWEET"))))
                        .hasItem())
                .isFalse();
    }

    private software.amazon.awssdk.services.dynamodb.DynamoDbClient countingTransactions(AtomicInteger transactions) {
        return (software.amazon.awssdk.services.dynamodb.DynamoDbClient) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {software.amazon.awssdk.services.dynamodb.DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems")) {
                        transactions.incrementAndGet();
                    }
                    try {
                        return method.invoke(store.dynamo(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aShardLeasedByALiveInstanceIsNotReadByAnother() {
        user("ann");
        StreamListener holder = listener("holder", checkpoints(), counters());
        DrivenListeners.drain(holder);
        StreamListener other = listener("other", checkpoints(), counters());
        user("bob");
        assertThat(other.pollOnce()).isZero();
        holder.stop();
        assertThat(other.pollOnce()).isPositive();
    }

    @Test
    void aProjectorThatKeepsFailingIsRetriedThenTheRecordIsDeadLetteredAndTheShardMovesOn() {
        AtomicInteger attempts = new AtomicInteger();
        Projector broken = new Projector() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Set<String> entityTypes() {
                return Set.of("User");
            }

            @Override
            public void apply(Record record) {
                attempts.incrementAndGet();
                throw new IllegalStateException("projection store unavailable");
            }
        };
        user("ann");
        StreamListener listener = listener("dlq", checkpoints(), List.of(broken));
        DrivenListeners.drain(listener);

        assertThat(attempts).hasValue(DrivenListeners.FAST.maxAttempts());
        assertThat(listener.retried()).isEqualTo(DrivenListeners.FAST.maxAttempts() - 1);
        assertThat(listener.deadLettered()).isEqualTo(1);
        var parked = new DeadLetters(store.dynamo(), TABLE, Clock.systemUTC()).list(10);
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).get("error").s()).contains("projection store unavailable");
        assertThat(parked.get(0).get("itemKeys").m().get("PK").s()).isEqualTo("USER#ann");
        // the shard moved on: a resumed instance does not see the record again
        listener.stop();
        StreamListener resumed = listener("after", checkpoints(), List.of(broken));
        DrivenListeners.drain(resumed);
        assertThat(attempts).hasValue(DrivenListeners.FAST.maxAttempts());
    }

    @Test
    void aStopThatAbortsAProjectorsStoreCallDeadLettersNothingAndTheRecordIsReadAgain() {
        // stop() interrupts the worker; a store call in flight then fails (the SDK answers AbortedException, and
        // every later call while the flag is set). Seen in an over-the-wire benchmark: a graceful stop dead-lettered
        // records the projector had never really failed on.
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        Projector stoppedMidway = new Projector() {
            @Override
            public String name() {
                return "stopped-midway";
            }

            @Override
            public Set<String> entityTypes() {
                return Set.of("User");
            }

            @Override
            public void apply(Record record) {
                if (calls.incrementAndGet() == 1 || Thread.currentThread().isInterrupted()) {
                    Thread.currentThread().interrupt();
                    throw AbortedException.create("Thread was interrupted");
                }
                applied.incrementAndGet();
            }
        };
        user("ann");
        StreamListener listener = listener("stopping", checkpoints(), List.of(stoppedMidway));
        try {
            assertThatThrownBy(listener::pollOnce).isInstanceOf(AbortedException.class);
        } finally {
            Thread.interrupted(); // the test thread played the listener's worker
        }

        assertThat(listener.deadLettered()).isZero();
        assertThat(new DeadLetters(store.dynamo(), TABLE, Clock.systemUTC()).list(10))
                .isEmpty();
        // no checkpoint moved past it: the next instance applies it
        listener.stop();
        StreamListener resumed = listener("after-stop", checkpoints(), List.of(stoppedMidway));
        DrivenListeners.drain(resumed);
        assertThat(applied).hasValue(1);
        assertThat(resumed.deadLettered()).isZero();
    }

    @Test
    void aBatchThatCannotBeWrittenWholeFallsBackToOneChangeAtATimeAndItsDeadLetters() {
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        BatchProjector broken = new BatchProjector() {
            @Override
            public String name() {
                return "broken-batch";
            }

            @Override
            public Set<String> entityTypes() {
                return Set.of("User");
            }

            @Override
            public void applyAll(List<Record> records) {
                batches.incrementAndGet();
                throw new IllegalStateException("batch refused");
            }

            @Override
            public void apply(Record record) {
                attempts.incrementAndGet();
                throw new IllegalStateException("projection store unavailable");
            }
        };
        user("ann");
        user("bob");
        StreamListener listener = listener("dlq-batch", checkpoints(), List.of(broken));
        DrivenListeners.drain(listener);

        assertThat(batches).hasValue(1);
        assertThat(attempts).hasValue(2 * DrivenListeners.FAST.maxAttempts());
        assertThat(listener.deadLettered()).isEqualTo(2);
        assertThat(listener.processed()).isEqualTo(2);
    }

    @Test
    void busyRoundsReuseTheStreamListingAndTheirOwnCheckpointIdleRoundsListAgain() {
        AtomicInteger describes = new AtomicInteger();
        AtomicInteger loads = new AtomicInteger();
        DynamoDbStreamsClient real = store.streams();
        DynamoDbStreamsClient counting = (DynamoDbStreamsClient) Proxy.newProxyInstance(
                DynamoDbStreamsClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbStreamsClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("describeStream")) {
                        describes.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ShardCheckpoints countedCheckpoints = new ShardCheckpoints(store.dynamo(), TABLE) {
            @Override
            public Optional<Checkpoint> load(String shardId) {
                loads.incrementAndGet();
                return super.load(shardId);
            }
        };
        StreamListener listener = DrivenListeners.listener(
                new TestStores.StreamStore(store.dynamo(), counting, () -> {}),
                TABLE,
                "busy",
                countedCheckpoints,
                List.of());
        user("ann");
        DrivenListeners.drain(listener); // ends with an idle round

        int describesBefore = describes.get();
        int loadsBefore = loads.get();
        for (String id : List.of("bob", "cat", "dan")) {
            user(id);
            assertThat(listener.pollOnce()).isEqualTo(1);
        }
        assertThat(describes.get() - describesBefore)
                .as("only the round after the idle one lists the stream")
                .isEqualTo(1);
        assertThat(loads.get() - loadsBefore)
                .as("a shard read on under its lease is not asked for its own checkpoint")
                .isZero();

        assertThat(listener.pollOnce()).isZero();
        describesBefore = describes.get();
        user("eve");
        assertThat(listener.pollOnce()).isEqualTo(1);
        assertThat(describes.get() - describesBefore)
                .as("after an idle round the stream is listed again")
                .isEqualTo(1);
        assertThat(listener.processed()).isEqualTo(5);
        listener.stop();
    }

    @Test
    void parentsAreOrderedBeforeTheirChildren() {
        Shard child = Shard.builder().shardId("c").parentShardId("p").build();
        Shard grandChild = Shard.builder().shardId("g").parentShardId("c").build();
        Shard parent = Shard.builder().shardId("p").parentShardId("trimmed").build();
        assertThat(StreamListener.parentsFirst(List.of(grandChild, child, parent)))
                .extracting(Shard::shardId)
                .containsExactly("p", "c", "g");
    }

    private void assertCounters() {
        assertThat(number("USER#bob", "PROFILE", "followers")).isEqualTo(1);
        assertThat(number("USER#ann", "PROFILE", "following")).isEqualTo(1);
        assertThat(number("USER#cat", "PROFILE", "following")).isZero();
        assertThat(number("USER#ann", "PROFILE", "followers")).isEqualTo(1);
        assertThat(number("USER#bob", "PROFILE", "tweets")).isEqualTo(2);
        assertThat(number("TWEET#t1", "TWEET", "likes")).isEqualTo(1);
        assertThat(number("TWEET#t2", "TWEET", "likes")).isZero();
    }

    /** The social counters, as the follows, tweets and likes features keep them. */
    private List<Projector> counters() {
        OnceOnly onceOnly = DrivenListeners.onceOnly(store, TABLE);
        return List.of(
                FollowProjectors.counter(onceOnly),
                TweetProjectors.counter(onceOnly),
                LikeProjectors.counter(onceOnly));
    }

    private ShardCheckpoints checkpoints() {
        return new ShardCheckpoints(store.dynamo(), TABLE);
    }

    private StreamListener listener(String owner, ShardCheckpoints checkpoints, List<Projector> projectors) {
        return DrivenListeners.listener(store, TABLE, owner, checkpoints, projectors);
    }

    private void user(String id) {
        put(Map.of(
                "PK",
                s("USER#" + id),
                "SK",
                s("PROFILE"),
                "entityType",
                s("User"),
                "userId",
                s(id),
                "followers",
                n(0),
                "following",
                n(0),
                "tweets",
                n(0)));
    }

    private void follow(String follower, String followee) {
        put(Map.of(
                "PK",
                s("USER#" + follower),
                "SK",
                s("FOLLOWS#" + followee),
                "entityType",
                s("Follow"),
                "followerId",
                s(follower),
                "followeeId",
                s(followee)));
    }

    private void tweet(String tweetId, String author) {
        put(Map.of(
                "PK",
                s("TWEET#" + tweetId),
                "SK",
                s("TWEET"),
                "entityType",
                s("Tweet"),
                "tweetId",
                s(tweetId),
                "authorId",
                s(author),
                "likes",
                n(0)));
    }

    private void like(String tweetId, String userId) {
        put(Map.of(
                "PK",
                s("TWEET#" + tweetId),
                "SK",
                s("LIKE#" + userId),
                "entityType",
                s("Like"),
                "tweetId",
                s(tweetId),
                "userId",
                s(userId)));
    }

    private void put(Map<String, AttributeValue> item) {
        store.dynamo().putItem(r -> r.tableName(TABLE).item(item));
    }

    private void delete(String pk, String sk) {
        store.dynamo().deleteItem(r -> r.tableName(TABLE).key(Map.of("PK", s(pk), "SK", s(sk))));
    }

    private long number(String pk, String sk, String attribute) {
        var item = store.dynamo()
                .getItem(r -> r.tableName(TABLE).key(Map.of("PK", s(pk), "SK", s(sk))))
                .item();
        return Long.parseLong(item.get(attribute).n());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
