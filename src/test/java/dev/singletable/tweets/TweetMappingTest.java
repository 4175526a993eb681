package dev.singletable.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.table.SingleTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link TweetMapping} makes of every item what {@code TweetItem.SCHEMA.mapToItem} makes of it: the same tweet, or the
 * same exception. Seeded random items (seed 20261205) mix the shape the service writes with everything else an item
 * could hold: a missing or NULL attribute, another type (N for a string, S for likes, B, BOOL), non-canonical instants,
 * numbers no long holds, attributes the schema does not know.
 */
class TweetMappingTest {

    private static final List<String> STRINGS = List.of("tweetId", "authorId", "authorUsername", "text");
    private static final List<String> DERIVED = List.of(
            SingleTable.PK,
            SingleTable.SK,
            SingleTable.ENTITY_TYPE,
            SingleTable.GSI1PK,
            SingleTable.GSI1SK,
            SingleTable.LSI1SK);
    private static final List<String> INSTANTS = List.of(
            "2026-11-21T09:30:00Z",
            "2026-11-21T09:30:00.123Z",
            "2026-11-21T09:30:00.123456789Z",
            "2026-02-30T09:30:00Z",
            "2026-11-21T24:00:00Z",
            "2026-11-21T09:30:00+01:00",
            "2026-11-21T09:30Z",
            "+12026-11-21T09:30:00Z",
            "2026-11-21T09:30:00.Z",
            "2026-11-21T09:30:00.1234567890Z",
            "yesterday",
            "");
    private static final List<String> NUMBERS =
            List.of("0", "3", "-7", "+5", "007", "1.5", "3.0", "1E3", "99999999999999999999", "-0", "", "x");

    @Test
    void theFastPathMapsEveryItemAsTheSchemaDoes() {
        Random random = new Random(20261205);
        int fast = 0;
        for (int i = 0; i < 20_000; i++) {
            Map<String, AttributeValue> item = randomItem(random);
            Outcome expected = outcome(() -> TweetItem.SCHEMA.mapToItem(item));
            Outcome actual = outcome(() -> TweetMapping.map(item));
            assertThat(actual).as("item %s", item).isEqualTo(expected);
            if (TweetMapping.mapCanonical(item) != null) {
                fast++;
            }
        }
        assertThat(fast).as("items the fast path took").isGreaterThan(1_000);
    }

    @Test
    void anItemAsTheServiceWritesItTakesTheFastPath() {
        TweetItem tweet = new TweetItem();
        tweet.setTweetId("01JD5B2C3D4E5F6G7H8J9K0M1N");
        tweet.setAuthorId("01JD4WZ8X3M2K7Q9R5T1V6B8NC");
        tweet.setAuthorUsername("ann_lee");
        tweet.setText("Single-table design, day 1");
        tweet.setCreatedAt(Instant.parse("2026-11-21T09:30:00.120Z"));
        tweet.setLikes(3L);
        Map<String, AttributeValue> item = TweetItem.SCHEMA.itemToMap(tweet, true);

        TweetItem mapped = TweetMapping.mapCanonical(item);

        assertThat(mapped).usingRecursiveComparison().isEqualTo(tweet);
    }

    private static Map<String, AttributeValue> randomItem(Random random) {
        Map<String, AttributeValue> item = new HashMap<>();
        boolean canonical = random.nextInt(3) == 0;
        for (String name : STRINGS) {
            maybePut(item, name, random, canonical, () -> AttributeValue.fromS(name + random.nextInt(100)));
        }
        for (String name : DERIVED) {
            maybePut(item, name, random, canonical, () -> AttributeValue.fromS(name + "#" + random.nextInt(100)));
        }
        maybePut(item, "createdAt", random, canonical, () -> AttributeValue.fromS(INSTANTS.get(random.nextInt(3))));
        maybePut(item, "likes", random, canonical, () -> AttributeValue.fromN(Integer.toString(random.nextInt(1000))));
        if (random.nextInt(4) == 0) {
            item.put("ttl", AttributeValue.fromN("1700000000"));
        }
        if (random.nextInt(4) == 0) {
            item.put("somethingElse", AttributeValue.fromM(Map.of("a", AttributeValue.fromBool(true))));
        }
        return item;
    }

    /** Usually the attribute as the service writes it; unless canonical, sometimes absent or anything else. */
    private static void maybePut(
            Map<String, AttributeValue> item,
            String name,
            Random random,
            boolean canonical,
            Supplier<AttributeValue> written) {
        int roll = canonical ? 0 : random.nextInt(10);
        switch (roll) {
            case 0, 1, 2, 3, 4 -> item.put(name, written.get());
            case 5 -> {
                // absent
            }
            case 6 -> item.put(name, AttributeValue.fromNul(true));
            case 7 -> item.put(name, AttributeValue.fromS(INSTANTS.get(random.nextInt(INSTANTS.size()))));
            case 8 -> item.put(name, AttributeValue.fromN(NUMBERS.get(random.nextInt(NUMBERS.size()))));
            default ->
                item.put(
                        name,
                        random.nextBoolean()
                                ? AttributeValue.fromBool(random.nextBoolean())
                                : AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")));
        }
    }

    /** A tweet's fields, or the exception's class and message. */
    private record Outcome(Object result) {}

    private static Outcome outcome(Supplier<TweetItem> mapping) {
        try {
            TweetItem tweet = mapping.get();
            return new Outcome(
                    tweet == null
                            ? "null"
                            : List.of(
                                    String.valueOf(tweet.getTweetId()),
                                    String.valueOf(tweet.getAuthorId()),
                                    String.valueOf(tweet.getAuthorUsername()),
                                    String.valueOf(tweet.getText()),
                                    String.valueOf(tweet.getCreatedAt()),
                                    String.valueOf(tweet.getLikes())));
        } catch (RuntimeException e) {
            return new Outcome(e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
