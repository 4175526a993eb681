package dev.singletable.streams;

import dev.singletable.catalog.ProductItem;
import dev.singletable.reviews.ReviewItem;
import dev.singletable.table.SingleTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
public class ReviewProjector implements Projector {

    static final String REVIEW_COUNT = "reviewCount";
    static final String RATING_TOTAL = "ratingTotal";

    private final OnceOnly onceOnly;

    public ReviewProjector(OnceOnly onceOnly) {
        this.onceOnly = onceOnly;
    }

    @Override
    public String name() {
        return "reviews";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(ReviewItem.ENTITY_TYPE);
    }

    @Override
    public void apply(Record record) {
        var data = record.dynamodb();
        long oldRating = data.hasOldImage() ? rating(data.oldImage()) : 0;
        long newRating = data.hasNewImage() ? rating(data.newImage()) : 0;
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
            return;
        }
        if (count == 0 && total == 0) {
            return; // only the comment changed
        }
        String sku = StreamItems.string(record, "sku");
        Update update = Update.builder()
                .key(Map.of(SingleTable.PK, AttributeValue.fromS(ProductItem.partitionKey(sku)),
                        SingleTable.SK, AttributeValue.fromS(ProductItem.SORT_KEY)))
                .updateExpression("ADD #count :count, #total :total")
                .expressionAttributeNames(Map.of("#count", REVIEW_COUNT, "#total", RATING_TOTAL))
                .expressionAttributeValues(Map.of(":count", AttributeValue.fromN(Long.toString(count)),
                        ":total", AttributeValue.fromN(Long.toString(total))))
                .build();
        onceOnly.apply(name(), data.sequenceNumber(), List.of(update));
    }

    private static long rating(Map<String, AttributeValue> image) {
        AttributeValue rating = image.get("rating");
        return rating == null || rating.n() == null ? 0 : Long.parseLong(rating.n());
    }
}
