package dev.singletable.reviews;

import dev.singletable.catalog.ProductKeys;

/**
 * The key design of reviews: a user's review lives in the product's item collection, {@code PK = PRODUCT#<sku>} (the
 * product's partition, from {@link ProductKeys}), {@code SK = REVIEW#<userId>} ({@link ReviewItem}), so a user has at
 * most one review per product by key design (a second PUT replaces it). {@code LSI1SK = REVIEWED#<revisionId>}, a ULID
 * made at each write, sorts the product's reviews by time on LSI1: newest first is one descending Query of the same
 * partition.
 */
final class ReviewKeys {

    static final String ENTITY_TYPE = "Review";
    private static final String REVIEW = "REVIEW#";
    private static final String REVIEWED = "REVIEWED#";

    private ReviewKeys() {}

    static String partition(String sku) {
        return ProductKeys.partition(sku);
    }

    static String sortKey(String userId) {
        return REVIEW + userId;
    }

    static String byTime(String revisionId) {
        return REVIEWED + revisionId;
    }

    /** What every {@link #byTime} starts with. */
    static String byTimePrefix() {
        return REVIEWED;
    }
}
