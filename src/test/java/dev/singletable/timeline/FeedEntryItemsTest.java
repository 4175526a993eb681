package dev.singletable.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.table.SingleTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A fan-out's feed items share the attributes of their tweet (issue 21): on seeded random runs of entries (several
 * tweets, interleaved or in runs, some differing only in their expiry or text), every item is exactly the one the
 * entry makes alone, and the item read back is the entry.
 */
class FeedEntryItemsTest {

    @Test
    void sharedItemsAreTheItemsEachEntryMakesAlone() {
        Random random = new Random(20261205L);
        for (int round = 0; round < 200; round++) {
            List<FeedEntry> entries = new ArrayList<>();
            List<FeedEntry> tweets = new ArrayList<>();
            for (int t = 0; t < 1 + random.nextInt(4); t++) {
                tweets.add(entry(random, "owner", "T" + round + "-" + t));
            }
            int n = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                FeedEntry tweet = tweets.get(random.nextBoolean() ? 0 : random.nextInt(tweets.size()));
                FeedEntry entry = new FeedEntry(
                        "U" + random.nextInt(30),
                        tweet.tweetId(),
                        tweet.authorId(),
                        tweet.authorUsername(),
                        random.nextInt(10) == 0 ? tweet.text() + "!" : tweet.text(),
                        tweet.createdAt(),
                        random.nextInt(10) == 0 ? tweet.expiresAt().plusSeconds(1) : tweet.expiresAt());
                entries.add(entry);
            }
            List<Map<String, AttributeValue>> items = FeedRepository.items(entries);
            assertThat(items).hasSize(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                assertThat(items.get(i)).isEqualTo(alone(entries.get(i)));
                assertThat(FeedEntry.of(items.get(i))).isEqualTo(entries.get(i));
            }
        }
    }

    /** The item as an entry made it before items shared attributes: the reference the shared path must equal. */
    private static Map<String, AttributeValue> alone(FeedEntry e) {
        Map<String, AttributeValue> item = new HashMap<>(FeedKeys.entry(e.ownerId(), e.tweetId()));
        item.put(SingleTable.ENTITY_TYPE, AttributeValue.fromS(FeedKeys.ENTITY_TYPE));
        item.put("ownerId", AttributeValue.fromS(e.ownerId()));
        item.put("tweetId", AttributeValue.fromS(e.tweetId()));
        item.put("authorId", AttributeValue.fromS(e.authorId()));
        item.put("authorUsername", AttributeValue.fromS(e.authorUsername()));
        item.put("text", AttributeValue.fromS(e.text()));
        item.put("createdAt", AttributeValue.fromS(e.createdAt().toString()));
        item.put(
                SingleTable.TTL,
                AttributeValue.fromN(Long.toString(e.expiresAt().getEpochSecond())));
        return item;
    }

    private static FeedEntry entry(Random random, String owner, String tweetId) {
        // whole seconds and fractions alike: the canonical text of an instant has as many digits as it needs
        Instant createdAt = Instant.ofEpochSecond(
                1_760_000_000L + random.nextInt(1_000_000),
                random.nextBoolean() ? 0 : random.nextInt(1_000_000) * 1_000L);
        return new FeedEntry(
                owner,
                tweetId,
                "A" + random.nextInt(5),
                "user" + random.nextInt(5),
                "text " + Long.toString(random.nextLong(), 36),
                createdAt,
                Instant.ofEpochSecond(createdAt.getEpochSecond() + 7 * 86_400)); // the item keeps whole seconds
    }
}
