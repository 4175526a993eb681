package dev.singletable.reviews;

import dev.singletable.table.SingleTable;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A user's review of a product, in the product's item collection: {@code PK = PRODUCT#<sku>},
 * {@code SK = REVIEW#<userId>}, so a user has at most one review per product by key design (a second PUT replaces
 * it). {@code LSI1SK = REVIEWED#<ulid>} (a ULID made at the last write) sorts the product's reviews by time on LSI1:
 * newest first is one descending Query of the same partition.
 */
@DynamoDbBean
public class ReviewItem {

    public static final String ENTITY_TYPE = "Review";
    public static final String SORT_PREFIX = "REVIEW#";
    public static final String TIME_PREFIX = "REVIEWED#";

    private String pk;
    private String sk;
    private String entityType;
    private String lsi1sk;
    private String sku;
    private String userId;
    private String username;
    private Integer rating;
    private String comment;
    private Instant reviewedAt;

    public static String sortKey(String userId) {
        return SORT_PREFIX + userId;
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

    @DynamoDbSecondarySortKey(indexNames = SingleTable.LSI1)
    @DynamoDbAttribute(SingleTable.LSI1SK)
    public String getLsi1sk() {
        return lsi1sk;
    }

    public void setLsi1sk(String lsi1sk) {
        this.lsi1sk = lsi1sk;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public Integer getRating() {
        return rating;
    }

    public void setRating(Integer rating) {
        this.rating = rating;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public void setReviewedAt(Instant reviewedAt) {
        this.reviewedAt = reviewedAt;
    }
}
