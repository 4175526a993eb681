package dev.singletable.reviews;

import dev.singletable.catalog.ProductService;
import dev.singletable.table.Slice;
import dev.singletable.table.Ulid;
import dev.singletable.web.AuthenticatedUser;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reviews: one per user and product, written by the user, read by anyone. The product's review count and rating total
 * are not touched here: the table's stream keeps them ({@link ReviewProjector}), so a review write never contends with
 * other reviews of a popular product.
 */
@Service
public class ReviewService {

    private final ReviewRepository reviews;
    private final Clock clock;

    ReviewService(ReviewRepository reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    /** The review as written, and whether it is the caller's first review of the product. */
    public record Written(ReviewResponse review, boolean created) {}

    /** Creates or replaces the caller's review; 404 when the product does not exist. */
    public Written write(AuthenticatedUser caller, String sku, ReviewRequest request) {
        if (!ProductService.validSku(sku)) {
            throw ProductService.unknownProduct(sku);
        }
        ReviewItem review = new ReviewItem();
        review.setSku(sku);
        review.setRevisionId(Ulid.next());
        review.setUserId(caller.userId());
        review.setUsername(caller.username());
        review.setRating(request.rating());
        review.setComment(request.comment() == null || request.comment().isBlank() ? null : request.comment());
        review.setReviewedAt(clock.instant());
        ReviewRepository.Outcome outcome = reviews.put(review);
        if (outcome == ReviewRepository.Outcome.NO_PRODUCT) {
            throw ProductService.unknownProduct(sku);
        }
        return new Written(ReviewResponse.of(review), outcome == ReviewRepository.Outcome.CREATED);
    }

    /** A product's reviews, newest first (an unknown product has none). */
    public Slice<ReviewItem> ofProduct(String sku, int limit, @Nullable Map<String, AttributeValue> startKey) {
        if (!ProductService.validSku(sku)) {
            return new Slice<>(java.util.List.of(), null);
        }
        return reviews.ofProduct(sku, limit, startKey);
    }
}
