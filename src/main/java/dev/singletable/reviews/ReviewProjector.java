package dev.singletable.reviews;

import dev.singletable.catalog.ProductRatings;
import dev.singletable.streams.ConditionalOnStreams;
import dev.singletable.streams.Counters;
import dev.singletable.streams.ItemProjector;
import dev.singletable.streams.OnceOnly;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A product's {@code reviewCount} and {@code ratingTotal} (the API shows their quotient as the average), from the
 * changes of its reviews: an INSERT adds 1 and the rating, a MODIFY adds the new rating minus the old one, a REMOVE
 * subtracts 1 and the old rating. Totals rather than a stored average, because totals move by sums that commute: records
 * of different reviews may be applied in any order. Each change is one {@code ADD} (leaving the product's
 * {@code version}, its ETag, alone) committed through {@link OnceOnly}, so a re-delivered record moves nothing twice.
 */
@Component
@ConditionalOnStreams
class ReviewProjector extends ItemProjector<ReviewItem> {

    ReviewProjector(OnceOnly onceOnly) {
        super("reviews", ReviewKeys.ENTITY_TYPE, ReviewItem.SCHEMA, onceOnly);
    }

    @Override
    protected List<Update> project(Record record) {
        long oldRating = rating(before(record));
        long newRating = rating(after(record));
        long count;
        long total;
        if (record.eventName() == OperationType.INSERT) {
            count = 1;
            total = newRating;
        } else if (record.eventName() == OperationType.MODIFY) {
            count = 0;
            total = newRating - oldRating;
        } else if (record.eventName() == OperationType.REMOVE) {
            count = -1;
            total = -oldRating;
        } else {
            return List.of();
        }
        if (count == 0 && total == 0) {
            return List.of(); // only the comment changed
        }
        String sku = item(record).getSku();
        Map<String, Long> deltas = new LinkedHashMap<>();
        deltas.put(ProductRatings.REVIEW_COUNT, count);
        deltas.put(ProductRatings.RATING_TOTAL, total);
        return List.of(Counters.add(ProductRatings.of(sku), deltas));
    }

    private static long rating(@Nullable ReviewItem review) {
        return review == null || review.getRating() == null ? 0 : review.getRating();
    }
}
