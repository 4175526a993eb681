package dev.singletable.engine.partiql;

import dev.singletable.engine.error.EngineErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementError;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * BatchExecuteStatement: up to 25 single-item statements, all reads or all writes, each answered on its own — a
 * statement that fails gets an {@code Error} entry in its position and the others still run.
 * See [1] and [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchExecuteStatement.html">BatchExecuteStatement</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.multiplestatements.batching.html">Running batch operations with PartiQL for DynamoDB</a>
 */
final class BatchStatements {

    private static final int MAX_STATEMENTS = 25;

    private final DynamoDbClient target;

    BatchStatements(DynamoDbClient target) {
        this.target = target;
    }

    /** A statement after translation: a single-item read, or a write; or the error that stopped it. */
    private static final class Entry {
        final BatchStatementRequest request;
        Ast.Statement statement;
        TableSchema schema;
        KeyedWhere read;
        WriteAction write;
        BatchStatementResponse failed;

        Entry(BatchStatementRequest request) {
            this.request = request;
        }

        boolean isRead() {
            return statement instanceof Ast.Select;
        }
    }

    BatchExecuteStatementResponse execute(BatchExecuteStatementRequest r) {
        List<BatchStatementRequest> requests = r.statements();
        StatementShapes.listSize(requests.size(), "statements", MAX_STATEMENTS);
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            StatementShapes.statement(
                    requests.get(i).statement(), "statements." + (i + 1) + ".member.statement", violations);
        }
        StatementShapes.raise(violations);

        List<Entry> entries = new ArrayList<>();
        for (BatchStatementRequest request : requests) {
            Entry e = new Entry(request);
            entries.add(e);
            try {
                e.statement = PartiqlExecutor.parse(
                        request.statement(), PartiqlExecutor.parameters(request.parameters(), request.hasParameters()));
            } catch (PartiqlException ex) {
                e.failed = error(null, "ValidationError", ex.getMessage(), null);
            }
            if (e.failed == null
                    && !(e.statement instanceof Ast.Select
                            || e.statement instanceof Ast.Insert
                            || e.statement instanceof Ast.Update
                            || e.statement instanceof Ast.Delete)) {
                e.failed = error(
                        null,
                        "ValidationError",
                        "Invalid operation. Only select, insert, update and delete operations are valid",
                        null);
            }
        }
        boolean reads = entries.stream().anyMatch(e -> e.failed == null && e.isRead());
        boolean writes = entries.stream().anyMatch(e -> e.failed == null && !e.isRead());
        if (reads && writes) {
            throw EngineErrors.validation("Read and write requests together in the same batch is not supported.");
        }
        for (Entry e : entries) {
            if (e.failed == null) {
                translate(e);
            }
        }
        Set<String> keys = new HashSet<>();
        for (Entry e : entries) {
            if (e.failed == null) {
                Map<String, AttributeValue> key = e.read != null ? e.read.key() : e.write.key();
                if (!keys.add(e.schema.table() + "\u0000" + key)) {
                    throw EngineErrors.validation("Provided list of item keys contains duplicates");
                }
            }
        }
        Capacity capacity = new Capacity();
        List<BatchStatementResponse> responses = new ArrayList<>();
        for (Entry e : entries) {
            responses.add(e.failed != null ? e.failed : run(e, r.returnConsumedCapacity(), capacity));
        }
        return BatchExecuteStatementResponse.builder()
                .responses(responses)
                .consumedCapacity(capacity.all())
                .build();
    }

    private void translate(Entry e) {
        try {
            Values values = new Values(PartiqlExecutor.parameters(e.request.parameters(), e.request.hasParameters()));
            if (e.statement instanceof Ast.Select s) {
                e.schema = TableSchema.describe(target, s.from().table());
                KeyedWhere k = s.from().index() == null ? KeyedWhere.find(s.where(), e.schema, values) : null;
                if (k == null || k.rest() != null) {
                    throw PartiqlException.validation("Only single item select is supported");
                }
                new SelectPlanner(e.schema, values, false, null).plan(s);
                e.read = k;
            } else if (e.statement instanceof Ast.Insert i) {
                WritePlanner.requireTableOnly(i.into());
                e.schema = TableSchema.describe(target, i.into().table());
                e.write = new WritePlanner(e.schema, values).insert(i);
            } else if (e.statement instanceof Ast.Update u) {
                WritePlanner.requireNoIndex(u.table());
                e.schema = TableSchema.describe(target, u.table().table());
                e.write = new WritePlanner(e.schema, values).update(u);
            } else {
                Ast.Delete d = (Ast.Delete) e.statement;
                WritePlanner.requireNoIndex(d.from());
                e.schema = TableSchema.describe(target, d.from().table());
                e.write = new WritePlanner(e.schema, values).delete(d);
            }
        } catch (PartiqlException ex) {
            e.failed = error(null, "ValidationError", ex.getMessage(), null);
        } catch (AwsServiceException ex) {
            e.failed = failure(null, ex);
        }
    }

    private BatchStatementResponse run(Entry e, ReturnConsumedCapacity rcc, Capacity capacity) {
        String table = e.schema.table();
        String onFailure = e.request.returnValuesOnConditionCheckFailureAsString();
        try {
            Map<String, AttributeValue> item;
            if (e.read != null) {
                Ast.Select s = (Ast.Select) e.statement;
                ExpressionWriter w = new ExpressionWriter(null);
                String projection = Projections.full(s.projections(), w);
                GetItemResponse got = target.getItem(b -> b.tableName(table)
                        .key(e.read.key())
                        .projectionExpression(projection)
                        .expressionAttributeNames(w.names())
                        .consistentRead(e.request.consistentRead())
                        .returnConsumedCapacity(rcc));
                capacity.add(got.consumedCapacity());
                item = got.hasItem() ? got.item() : null;
            } else if (e.write.kind() == WriteAction.Kind.INSERT) {
                try {
                    capacity.add(target.putItem(e.write.putRequest(null).toBuilder()
                                    .returnConsumedCapacity(rcc)
                                    .build())
                            .consumedCapacity());
                } catch (ConditionalCheckFailedException ex) {
                    return error(table, "DuplicateItem", PartiqlErrors.DUPLICATE_ITEM, null);
                }
                item = null;
            } else if (e.write.kind() == WriteAction.Kind.UPDATE) {
                var up = PartiqlExecutor.updateItem(
                        target,
                        e.write.updateRequest(onFailure).toBuilder()
                                .returnConsumedCapacity(rcc)
                                .build());
                capacity.add(up.consumedCapacity());
                item = up.hasAttributes() && !up.attributes().isEmpty() ? up.attributes() : null;
            } else {
                var del = target.deleteItem(e.write.deleteRequest(onFailure).toBuilder()
                        .returnConsumedCapacity(rcc)
                        .build());
                capacity.add(del.consumedCapacity());
                item = del.hasAttributes() && !del.attributes().isEmpty() ? del.attributes() : null;
            }
            return BatchStatementResponse.builder().tableName(table).item(item).build();
        } catch (AwsServiceException ex) {
            return failure(table, ex);
        }
    }

    /** Maps an operation's exception to the per-statement error code DynamoDB uses. */
    private static BatchStatementResponse failure(String table, AwsServiceException ex) {
        String code = ex.awsErrorDetails() == null ? null : ex.awsErrorDetails().errorCode();
        String message = ex.awsErrorDetails() == null
                ? ex.getMessage()
                : ex.awsErrorDetails().errorMessage();
        Map<String, AttributeValue> item = null;
        if (ex instanceof ConditionalCheckFailedException c && c.hasItem()) {
            item = c.item();
        }
        return error(table, batchCode(code), message, item);
    }

    private static String batchCode(String errorCode) {
        if (errorCode == null) {
            return "InternalServerError";
        }
        switch (errorCode) {
            case "ConditionalCheckFailedException":
                return "ConditionalCheckFailed";
            case "ItemCollectionSizeLimitExceededException":
                return "ItemCollectionSizeLimitExceeded";
            case "RequestLimitExceeded":
                return "RequestLimitExceeded";
            case "ValidationException":
                return "ValidationError";
            case "ProvisionedThroughputExceededException":
                return "ProvisionedThroughputExceeded";
            case "TransactionConflictException":
                return "TransactionConflict";
            case "ThrottlingException":
                return "ThrottlingError";
            case "ResourceNotFoundException":
                return "ResourceNotFound";
            case "AccessDeniedException":
                return "AccessDenied";
            case "DuplicateItemException":
                return "DuplicateItem";
            default:
                return "InternalServerError";
        }
    }

    private static BatchStatementResponse error(
            String table, String code, String message, Map<String, AttributeValue> item) {
        return BatchStatementResponse.builder()
                .tableName(table)
                .error(BatchStatementError.builder()
                        .code(code)
                        .message(message)
                        .item(item)
                        .build())
                .build();
    }
}
