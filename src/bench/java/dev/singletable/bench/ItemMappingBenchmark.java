package dev.singletable.bench;

import dev.singletable.table.CanonicalInstantConverters;
import dev.singletable.tweets.TweetItem;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What an item's mapping costs per request, in the two shapes the service's items have had: a bean that stores its
 * keys in fields the service set (before issue 19), and a TableItem whose keys() derives them from its fields (now).
 * Both through the enhanced client's BeanTableSchema, built once; the same tweet, in one run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ItemMappingBenchmark {

    private static final TableSchema<StoredKeysTweet> STORED = TableSchema.fromBean(StoredKeysTweet.class);
    private static final Instant CREATED = Instant.parse("2026-11-21T09:30:00.123Z");

    private final TweetItem derived = new TweetItem();
    private final StoredKeysTweet stored = new StoredKeysTweet();
    private Map<String, AttributeValue> image;

    public ItemMappingBenchmark() {
        derived.setTweetId("01JD5B2C3D4E5F6G7H8J9K0M1N");
        derived.setAuthorId("01JD4WZ8X3M2K7Q9R5T1V6B8NC");
        derived.setAuthorUsername("ann_lee");
        derived.setText("Single-table design, day 1");
        derived.setCreatedAt(CREATED);
        derived.setLikes(3L);
        stored.setPk("TWEET#" + derived.getTweetId());
        stored.setSk("TWEET");
        stored.setEntityType("Tweet");
        stored.setGsi1pk("USER#" + derived.getAuthorId());
        stored.setGsi1sk("TWEET#" + derived.getTweetId());
        stored.setTweetId(derived.getTweetId());
        stored.setAuthorId(derived.getAuthorId());
        stored.setAuthorUsername(derived.getAuthorUsername());
        stored.setText(derived.getText());
        stored.setCreatedAt(CREATED);
        stored.setLikes(3L);
        image = TweetItem.SCHEMA.itemToMap(derived, true);
    }

    @Benchmark
    public Map<String, AttributeValue> writeStoredKeys() {
        return STORED.itemToMap(stored, true);
    }

    @Benchmark
    public Map<String, AttributeValue> writeDerivedKeys() {
        return TweetItem.SCHEMA.itemToMap(derived, true);
    }

    @Benchmark
    public StoredKeysTweet readStoredKeys() {
        return STORED.mapToItem(image);
    }

    @Benchmark
    public TweetItem readDerivedKeys() {
        return TweetItem.SCHEMA.mapToItem(image);
    }

    /** The tweet as a bean with its keys in fields, as items were before issue 19. */
    @DynamoDbBean(converterProviders = {CanonicalInstantConverters.class, DefaultAttributeConverterProvider.class})
    public static class StoredKeysTweet {
        private String pk;
        private String sk;
        private String entityType;
        private String gsi1pk;
        private String gsi1sk;
        private String tweetId;
        private String authorId;
        private String authorUsername;
        private String text;
        private Instant createdAt;
        private Long likes;

        @DynamoDbPartitionKey
        @DynamoDbAttribute("PK")
        public String getPk() {
            return pk;
        }

        public void setPk(String pk) {
            this.pk = pk;
        }

        @DynamoDbSortKey
        @DynamoDbAttribute("SK")
        public String getSk() {
            return sk;
        }

        public void setSk(String sk) {
            this.sk = sk;
        }

        @DynamoDbAttribute("entityType")
        public String getEntityType() {
            return entityType;
        }

        public void setEntityType(String entityType) {
            this.entityType = entityType;
        }

        @DynamoDbSecondaryPartitionKey(indexNames = "GSI1")
        @DynamoDbAttribute("GSI1PK")
        public String getGsi1pk() {
            return gsi1pk;
        }

        public void setGsi1pk(String gsi1pk) {
            this.gsi1pk = gsi1pk;
        }

        @DynamoDbSecondarySortKey(indexNames = "GSI1")
        @DynamoDbAttribute("GSI1SK")
        public String getGsi1sk() {
            return gsi1sk;
        }

        public void setGsi1sk(String gsi1sk) {
            this.gsi1sk = gsi1sk;
        }

        public String getTweetId() {
            return tweetId;
        }

        public void setTweetId(String tweetId) {
            this.tweetId = tweetId;
        }

        public String getAuthorId() {
            return authorId;
        }

        public void setAuthorId(String authorId) {
            this.authorId = authorId;
        }

        public String getAuthorUsername() {
            return authorUsername;
        }

        public void setAuthorUsername(String authorUsername) {
            this.authorUsername = authorUsername;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }

        public void setCreatedAt(Instant createdAt) {
            this.createdAt = createdAt;
        }

        public Long getLikes() {
            return likes;
        }

        public void setLikes(Long likes) {
            this.likes = likes;
        }
    }
}
