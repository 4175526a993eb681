package dev.singletable.tweets;

import dev.singletable.table.CanonicalInstantConverters;
import dev.singletable.table.SingleTable;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A tweet: {@code PK = TWEET#<tweetId>}, {@code SK = TWEET}; its likes share the partition ({@code SK = LIKE#<userId>}),
 * so the tweet and its likes are one item collection. In GSI1 it sits in its author's partition
 * ({@code GSI1PK = USER#<authorId>}, {@code GSI1SK = TWEET#<tweetId>}): the author's timeline, newest first, is one
 * descending Query, because tweet ids are ULIDs. {@code likes} is 0 at creation and kept by the stream listener.
 */
// Instants read without a DateTimeFormatter (CanonicalInstants); stored as before
@DynamoDbBean(converterProviders = {CanonicalInstantConverters.class, DefaultAttributeConverterProvider.class})
public class TweetItem {

    public static final String ENTITY_TYPE = "Tweet";
    public static final String SORT_KEY = "TWEET";
    public static final String TIMELINE_PREFIX = "TWEET#";

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

    public static String partitionKey(String tweetId) {
        return "TWEET#" + tweetId;
    }

    public static String authorPartition(String authorId) {
        return "USER#" + authorId;
    }

    @DynamoDbPartitionKey
    @DynamoDbAttribute(SingleTable.PK)
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute(SingleTable.SK)
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    @DynamoDbAttribute(SingleTable.ENTITY_TYPE)
    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = SingleTable.GSI1)
    @DynamoDbAttribute(SingleTable.GSI1PK)
    public String getGsi1pk() {
        return gsi1pk;
    }

    public void setGsi1pk(String gsi1pk) {
        this.gsi1pk = gsi1pk;
    }

    @DynamoDbSecondarySortKey(indexNames = SingleTable.GSI1)
    @DynamoDbAttribute(SingleTable.GSI1SK)
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
