package dev.singletable.reviews;

import dev.singletable.table.CanonicalInstantAttributes;
import dev.singletable.table.CanonicalInstantConverters;
import org.junit.jupiter.api.Test;

/**
 * A review's {@code reviewedAt} is read by {@link CanonicalInstantConverters}, not the enhanced client's
 * DateTimeFormatter (a product page maps its reviews, the ratings projection every changed review: issue 21), and the
 * stored form and the value read do not change: seeded random instants, whole seconds and fractions, stored by the
 * SDK's own converter.
 */
class ReviewItemInstantsTest {

    @Test
    void reviewedAtIsReadByTheCanonicalConverterAndStoredAsBefore() {
        CanonicalInstantAttributes.assertReadCanonicallyAndStoredAsBefore(
                ReviewItem.SCHEMA,
                "reviewedAt",
                (i, at) -> {
                    ReviewItem review = new ReviewItem();
                    review.setSku("SKU-" + i);
                    review.setUserId("U" + i);
                    review.setRating(1 + i % 5);
                    review.setReviewedAt(at);
                    return review;
                },
                ReviewItem::getReviewedAt);
    }
}
