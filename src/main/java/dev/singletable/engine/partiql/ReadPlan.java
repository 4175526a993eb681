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
            @Nullable ConsumedCapacity capacity) {}

    /** A Query or Scan whose start key and Limit are filled in per page. */
    sealed interface Op permits QueryOp, ScanOp {
        Page read(DynamoDbClient target, @Nullable Map<String, AttributeValue> startKey, @Nullable Integer limit);
    }

    record QueryOp(QueryRequest request) implements Op {
        @Override
        public Page read(
                DynamoDbClient target, @Nullable Map<String, AttributeValue> startKey, @Nullable Integer limit) {
            QueryResponse r = target.query(
                    request.toBuilder().exclusiveStartKey(startKey).limit(limit).build());
            return new Page(
                    r.items(),
                    r.scannedCount() == null ? r.items().size() : r.scannedCount(),
                    r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null,
                    r.consumedCapacity());
        }
    }

    record ScanOp(ScanRequest request) implements Op {
        @Override
        public Page read(
                DynamoDbClient target, @Nullable Map<String, AttributeValue> startKey, @Nullable Integer limit) {
            ScanResponse r = target.scan(
                    request.toBuilder().exclusiveStartKey(startKey).limit(limit).build());
            return new Page(
                    r.items(),
                    r.scannedCount() == null ? r.items().size() : r.scannedCount(),
                    r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null,
                    r.consumedCapacity());
        }
    }
}
