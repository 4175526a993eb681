package dev.singletable.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.TestStores;
import dev.singletable.tweets.TweetItem;
import dev.singletable.users.UserCounters;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** {@link ItemCounter}'s batches, fed stream records directly (no listener): how often a record is decoded and counted. */
class ItemCounterTest {

    private static final String TABLE = "item-counter-test";

    private TestStores.Store store;
    private final AtomicInteger counted = new AtomicInteger();
    private ItemCounter<TweetItem> counter;

    @BeforeEach
    void open() {
        store = TestStores.withTable(TABLE);
        store.dynamo().putItem(r -> r.tableName(TABLE)
                .item(Map.of(
                        "PK", AttributeValue.fromS("USER#ann"),
                        "SK", AttributeValue.fromS("PROFILE"),
                        "tweets", AttributeValue.fromN("0"))));
        counter =
                new ItemCounter<>(
                        "test-counts",
                        "Tweet",
                        TweetItem.SCHEMA,
                        new OnceOnly(store.dynamo(), TABLE, Clock.systemUTC())) {
                    @Override
                    protected List<Update> count(TweetItem tweet, long delta) {
                        counted.incrementAndGet();
                        return List.of(Counters.add(UserCounters.of(tweet.getAuthorId()), UserCounters.TWEETS, delta));
                    }
                };
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aBatchOfOneCountedChangeIsDecodedOnceAndCountsOnce() {
        counter.applyAll(List.of(tweetInserted("1", "t1")));

        assertThat(counted).hasValue(1);
        assertThat(tweets()).isEqualTo(1);
    }

    @Test
    void aBatchRedeliveredAfterItWasCommittedCountsNothingTwice() {
        List<Record> batch = List.of(tweetInserted("1", "t1"), tweetInserted("2", "t2"), tweetInserted("3", "t3"));
        counter.applyAll(batch);
        counter.applyAll(batch);
        counter.applyAll(List.of(batch.get(1)));

        assertThat(tweets()).isEqualTo(3);
    }

    private static Record tweetInserted(String sequenceNumber, String tweetId) {
        TweetItem tweet = new TweetItem();
        tweet.setTweetId(tweetId);
        tweet.setAuthorId("ann");
        tweet.setText("hello");
        return Record.builder()
                .eventName(OperationType.INSERT)
                .dynamodb(StreamRecord.builder()
                        .sequenceNumber(sequenceNumber)
                        .newImage(TweetItem.SCHEMA.itemToMap(tweet, true))
                        .build())
                .build();
    }

    private long tweets() {
        return Long.parseLong(store.dynamo()
                .getItem(r -> r.tableName(TABLE)
                        .key(Map.of("PK", AttributeValue.fromS("USER#ann"), "SK", AttributeValue.fromS("PROFILE"))))
                .item()
                .get("tweets")
                .n());
    }
}
