package dev.singletable.engine.partiql;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * How a SELECT is answered: one or more Query operations (one per partition key value) or a single Scan, run in order,
 * plus the projected paths whose values are lifted to the top of each result item. A WHERE clause with an equality or
 * IN on the partition key reads by key; any other scans the table or index [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.select.html">PartiQL select statements for DynamoDB</a>
 */
/** {@code projections} is null for {@code SELECT *}. */
record ReadPlan(List<Op> ops, @Nullable List<Ast.Path> projections) {

    /** One page of one operation. */
    record Page(
            List<Map<String, AttributeValue>> items,
            int evaluated,
            @Nullable Map<String, AttributeValue> lastKey,
            @Nullable ConsumedCapacity capacity) {

        static Page of(QueryResponse r) {
            return of(r.items(), r.scannedCount(), r.hasLastEvaluatedKey(), r.lastEvaluatedKey(), r.consumedCapacity());
        }

        static Page of(ScanResponse r) {
            return of(r.items(), r.scannedCount(), r.hasLastEvaluatedKey(), r.lastEvaluatedKey(), r.consumedCapacity());
        }

        /** A Query's or Scan's response as a page: its ScannedCount (else the items' count) and LastEvaluatedKey if any. */
        private static Page of(
                List<Map<String, AttributeValue>> items,
                @Nullable Integer scannedCount,
                boolean hasLastKey,
                Map<String, AttributeValue> lastKey,
                @Nullable ConsumedCapacity capacity) {
            return new Page(
                    items, scannedCount == null ? items.size() : scannedCount, hasLastKey ? lastKey : null, capacity);
        }
    }

    /** A Query or Scan whose start key and Limit are filled in per page. */
    @FunctionalInterface
    interface Op {
        Page read(DynamoDbClient target, @Nullable Map<String, AttributeValue> startKey, @Nullable Integer limit);

        static Op query(QueryRequest request) {
            return (target, startKey, limit) -> Page.of(target.query(
                    request.toBuilder().exclusiveStartKey(startKey).limit(limit).build()));
        }

        static Op scan(ScanRequest request) {
            return (target, startKey, limit) -> Page.of(target.scan(
                    request.toBuilder().exclusiveStartKey(startKey).limit(limit).build()));
        }
    }
}
