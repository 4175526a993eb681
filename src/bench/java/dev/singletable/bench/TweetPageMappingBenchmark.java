package dev.singletable.bench;

import dev.singletable.tweets.TweetItem;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Mapping a page of 20 tweets as a Query returns them (issue 21): the enhanced client's generic path
 * ({@code TweetItem.SCHEMA.mapToItem}) and {@code tweets.TweetMapping}, in one run. TweetMapping is package-private:
 * its {@code map} is taken once by reflection, as a constant method handle (a benchmark in its package would put JMH's
 * generated {@code *_jmhTest} classes where {@code -Dtest='dev/singletable/tweets/**'} finds them).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class TweetPageMappingBenchmark {

    private static final MethodHandle MAP = mapHandle();

    private final List<Map<String, AttributeValue>> items = new ArrayList<>();

    public TweetPageMappingBenchmark() {
        for (int i = 0; i < 20; i++) {
            TweetItem tweet = new TweetItem();
            tweet.setTweetId("01JD5B2C3D4E5F6G7H8J9K0M" + (10 + i));
            tweet.setAuthorId("01JD4WZ8X3M2K7Q9R5T1V6B8NC");
            tweet.setAuthorUsername("user0");
            tweet.setText("wrk tweet " + i);
            tweet.setCreatedAt(Instant.ofEpochSecond(1_765_000_000L + i, i * 1_000_000));
            tweet.setLikes((long) i);
            items.add(TweetItem.SCHEMA.itemToMap(tweet, true));
        }
    }

    @Benchmark
    public List<TweetItem> schema() {
        return items.stream().map(TweetItem.SCHEMA::mapToItem).toList();
    }

    @Benchmark
    public List<TweetItem> tweetMapping() {
        return items.stream().map(TweetPageMappingBenchmark::map).toList();
    }

    private static TweetItem map(Map<String, AttributeValue> item) {
        try {
            return (TweetItem) MAP.invokeExact(item);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle mapHandle() {
        try {
            Class<?> mapping = Class.forName("dev.singletable.tweets.TweetMapping");
            return MethodHandles.privateLookupIn(mapping, MethodHandles.lookup())
                    .findStatic(mapping, "map", MethodType.methodType(TweetItem.class, Map.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
