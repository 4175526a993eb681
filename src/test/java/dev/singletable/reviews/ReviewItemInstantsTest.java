package dev.singletable.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.table.CanonicalInstantConverters;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A review's {@code reviewedAt} is read by {@link CanonicalInstantConverters}, not the enhanced client's
 * DateTimeFormatter (a product page maps its reviews, the ratings projection every changed review: issue 21), and the stored form and
 * the value read do not change: seeded random instants, whole seconds and fractions, stored by the SDK's own converter.
 */
class ReviewItemInstantsTest {

    @Test
    void reviewedAtIsReadByTheCanonicalConverterAndStoredAsBefore() {
        var canonical = new CanonicalInstantConverters().converterFor(EnhancedType.of(Instant.class));
        assertThat(ReviewItem.SCHEMA.converterForAttribute("reviewedAt"))
                .isNotNull()
                .hasSameClassAs(canonical);
        var standard = DefaultAttributeConverterProvider.create().converterFor(EnhancedType.of(Instant.class));

        Random random = new Random(20261205);
        for (int i = 0; i < 500; i++) {
            long nanos =
                    switch (i % 3) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000L;
                        default -> random.nextInt(1_000_000_000);
                    };
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), nanos);
            ReviewItem review = new ReviewItem();
            review.setSku("SKU-" + i);
            review.setUserId("U" + i);
            review.setRating(1 + i % 5);
            review.setReviewedAt(at);
            Map<String, AttributeValue> stored = ReviewItem.SCHEMA.itemToMap(review, true);
            assertThat(stored.get("reviewedAt")).isEqualTo(standard.transformFrom(at));
            assertThat(ReviewItem.SCHEMA.mapToItem(stored).getReviewedAt()).isEqualTo(at);
        }
    }
}
