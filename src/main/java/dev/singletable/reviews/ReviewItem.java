package dev.singletable.reviews;

import dev.singletable.table.CanonicalInstantConverters;
import dev.singletable.table.ItemKeys;
import dev.singletable.table.TableItem;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * A user's review of a product ({@link ReviewKeys}: {@code PK = PRODUCT#<sku>}, {@code SK = REVIEW#<userId>}; in LSI1
 * by the time of its last write).
 */
@NullUnmarked
// Instants read without a DateTimeFormatter (CanonicalInstants: a product page maps its reviews, the ratings
// projection every changed review); stored as before
@DynamoDbBean(converterProviders = {CanonicalInstantConverters.class, DefaultAttributeConverterProvider.class})
class ReviewItem extends TableItem {

    static final TableSchema<ReviewItem> SCHEMA = schema(ReviewItem.class, MethodHandles.lookup());

    private String sku;
    private String userId;
    private String revisionId;
    private String username;
    private Integer rating;
    private String comment;
    private Instant reviewedAt;

    public ReviewItem() {
        // the bean mapper needs a public constructor, even in a package-private class
    }

    @Override
    protected ItemKeys keys() {
        return ItemKeys.of(ReviewKeys.ENTITY_TYPE, ReviewKeys.partition(sku), ReviewKeys.sortKey(userId))
                .lsi1(ReviewKeys.byTime(revisionId));
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

    /** A ULID made at the review's last write: it orders a product's reviews by time. */
    public String getRevisionId() {
        return revisionId;
    }

    public void setRevisionId(String revisionId) {
        this.revisionId = revisionId;
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
