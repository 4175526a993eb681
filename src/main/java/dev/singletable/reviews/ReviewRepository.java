package dev.singletable.reviews;

import dev.singletable.catalog.ProductKeys;
import dev.singletable.table.Conditions;
import dev.singletable.table.ConditionsFailedException;
import dev.singletable.table.KeyQuery;
import dev.singletable.table.LabelledTransaction;
import dev.singletable.table.QueryPager;
import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reviews ({@link ReviewKeys}). Access patterns:
 * <ul>
 *   <li>write the caller's review: one transaction of a ConditionCheck that the product exists and a Put of
 *       {@code PK = PRODUCT#sku, SK = REVIEW#user}, first with {@code attribute_not_exists(PK)} (created) and, when
 *       that condition fails, again with {@code attribute_exists(PK)} (replaced) — so the answer knows which it
 *       was;</li>
 *   <li>a product's reviews, newest first: Query LSI1 {@code PK = PRODUCT#sku AND begins_with(LSI1SK, "REVIEWED#")},
 *       descending.</li>
 * </ul>
 */
@Repository
class ReviewRepository {

    static final String PRODUCT = "product";
    static final String REVIEW = "review";
    /** A create that finds a review, then a replace that finds none, means a concurrent delete: try a few times. */
    static final int ATTEMPTS = 3;

    /** What a write did. */
    public enum Outcome {
        CREATED,
        REPLACED,
        NO_PRODUCT
    }

    private final SingleTable table;
    private final QueryPager pager;
    private final DynamoDbTable<ReviewItem> reviews;

    ReviewRepository(SingleTable table, QueryPager pager) {
        this.table = table;
        this.pager = pager;
        this.reviews = table.of(ReviewItem.SCHEMA);
    }

    public Outcome put(ReviewItem review) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            for (Outcome outcome : new Outcome[] {Outcome.CREATED, Outcome.REPLACED}) {
                try {
                    new LabelledTransaction()
                            // a check on the product's own key: any mapping of the table serves
                            .check(
                                    PRODUCT,
                                    reviews,
                                    ConditionCheck.<ReviewItem>builder()
                                            .key(ProductKeys.product(review.getSku()))
                                            .conditionExpression(Conditions.EXISTS)
                                            .build())
                            .put(
                                    REVIEW,
                                    reviews,
                                    TransactPutItemEnhancedRequest.builder(ReviewItem.class)
                                            .item(review)
                                            .conditionExpression(
                                                    outcome == Outcome.CREATED
                                                            ? Conditions.NEW_ITEM
                                                            : Conditions.EXISTS)
                                            .build())
                            .commit(table.dynamo());
                    return outcome;
                } catch (ConditionsFailedException failed) {
                    if (failed.failed(PRODUCT)) {
                        return Outcome.NO_PRODUCT;
                    }
                }
            }
        }
        throw new IllegalStateException(
                "review kept appearing and vanishing: " + review.getPk() + " " + review.getSk());
    }

    public Slice<ReviewItem> ofProduct(String sku, int limit, @Nullable Map<String, AttributeValue> startKey) {
        QueryRequest query = table.query(KeyQuery.Index.LSI1, ReviewKeys.partition(sku))
                .sortKeyStartsWith(ReviewKeys.byTimePrefix())
                .newestFirst()
                .build();
        return pager.page(query, limit, startKey, ReviewItem.SCHEMA::mapToItem);
    }
}
