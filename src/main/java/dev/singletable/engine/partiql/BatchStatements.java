package dev.singletable.engine.partiql;

import dev.singletable.engine.error.EngineErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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

    /**
     * One statement on its way: parsed, then translated ({@code planned}); or the error that stopped it
     * ({@code failed}). Exactly one of {@code planned} and {@code failed} is set once translation has run.
     */
    private static final class Entry {
        final BatchStatementRequest request;
        Ast.@Nullable Statement statement; // null when it did not parse

        @Nullable
        Planned planned;

        @Nullable
        BatchStatementResponse failed;

        Entry(BatchStatementRequest request) {
            this.request = request;
        }

        boolean isRead() {
            return statement instanceof Ast.Select;
        }
    }

    /** A translated statement: a single-item read or a write, on one table. */
    private sealed interface Planned permits PlannedRead, PlannedWrite {
        TableSchema schema();

        Map<String, AttributeValue> key();
    }

    private record PlannedRead(TableSchema schema, Ast.Select select, KeyedWhere where) implements Planned {
        @Override
        public Map<String, AttributeValue> key() {
            return where.key();
        }
    }

    private record PlannedWrite(TableSchema schema, WriteAction write) implements Planned {
        @Override
        public Map<String, AttributeValue> key() {
            return write.key();
        }
    }

    BatchExecuteStatementResponse execute(BatchExecuteStatementRequest r) {
        List<BatchStatementRequest> requests = r.statements();
        StatementShapes.statements(requests.size(), i -> requests.get(i).statement(), "statements", MAX_STATEMENTS);

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
            if (e.failed == null && e.statement != null) {
                translate(e, e.statement);
            }
        }
        Set<String> keys = new HashSet<>();
        for (Entry e : entries) {
            if (e.planned != null && !keys.add(e.planned.schema().table() + "\u0000" + e.planned.key())) {
                throw EngineErrors.validation("Provided list of item keys contains duplicates");
            }
        }
        Capacity capacity = new Capacity();
        List<BatchStatementResponse> responses = new ArrayList<>();
        for (Entry e : entries) {
            if (e.planned != null) {
                responses.add(run(e.request, e.planned, r.returnConsumedCapacity(), capacity));
            } else {
                responses.add(Objects.requireNonNull(e.failed, "a statement not translated has failed"));
            }
        }
        return BatchExecuteStatementResponse.builder()
                .responses(responses)
                .consumedCapacity(capacity.all())
                .build();
    }

    private void translate(Entry e, Ast.Statement statement) {
        try {
            Values values = new Values(PartiqlExecutor.parameters(e.request.parameters(), e.request.hasParameters()));
            if (statement instanceof Ast.Select s) {
                TableSchema schema = TableSchema.describe(target, s.from().table());
                KeyedWhere k = s.from().index() == null ? KeyedWhere.find(s.where(), schema, values) : null;
                if (k == null || k.rest() != null) {
                    throw PartiqlException.validation("Only single item select is supported");
                }
                new SelectPlanner(schema, values, false, null).plan(s);
                e.planned = new PlannedRead(schema, s, k);
            } else if (statement instanceof Ast.Insert i) {
                WritePlanner.requireTableOnly(i.into());
                TableSchema schema = TableSchema.describe(target, i.into().table());
                e.planned = new PlannedWrite(schema, new WritePlanner(schema, values).insert(i));
            } else if (statement instanceof Ast.Update u) {
                WritePlanner.requireNoIndex(u.table());
                TableSchema schema = TableSchema.describe(target, u.table().table());
                e.planned = new PlannedWrite(schema, new WritePlanner(schema, values).update(u));
            } else {
                Ast.Delete d = (Ast.Delete) statement;
                WritePlanner.requireNoIndex(d.from());
                TableSchema schema = TableSchema.describe(target, d.from().table());
                e.planned = new PlannedWrite(schema, new WritePlanner(schema, values).delete(d));
            }
        } catch (PartiqlException ex) {
            e.failed = error(null, "ValidationError", ex.getMessage(), null);
        } catch (AwsServiceException ex) {
            e.failed = failure(null, ex);
        }
    }

    private BatchStatementResponse run(
            BatchStatementRequest request, Planned planned, ReturnConsumedCapacity rcc, Capacity capacity) {
        String table = planned.schema().table();
        String onFailure = request.returnValuesOnConditionCheckFailureAsString();
        try {
            Map<String, AttributeValue> item;
            if (planned instanceof PlannedRead read) {
                ExpressionWriter w = new ExpressionWriter(null);
                String projection = Projections.full(read.select().projections(), w);
                GetItemResponse got = target.getItem(b -> b.tableName(table)
                        .key(read.key())
                        .projectionExpression(projection)
                        .expressionAttributeNames(w.names())
                        .consistentRead(request.consistentRead())
                        .returnConsumedCapacity(rcc));
                capacity.add(got.consumedCapacity());
                item = got.hasItem() ? got.item() : null;
            } else {
                WriteAction write = ((PlannedWrite) planned).write();
                if (write.kind() == WriteAction.Kind.INSERT) {
                    try {
                        capacity.add(target.putItem(write.putRequest(null).toBuilder()
                                        .returnConsumedCapacity(rcc)
                                        .build())
                                .consumedCapacity());
                    } catch (ConditionalCheckFailedException ex) {
                        return error(table, "DuplicateItem", PartiqlErrors.DUPLICATE_ITEM, null);
                    }
                    item = null;
                } else if (write.kind() == WriteAction.Kind.UPDATE) {
                    var up = PartiqlExecutor.updateItem(
                            target,
                            write.updateRequest(onFailure).toBuilder()
                                    .returnConsumedCapacity(rcc)
                                    .build());
                    capacity.add(up.consumedCapacity());
                    item = up.hasAttributes() && !up.attributes().isEmpty() ? up.attributes() : null;
                } else {
                    var del = target.deleteItem(write.deleteRequest(onFailure).toBuilder()
                            .returnConsumedCapacity(rcc)
                            .build());
                    capacity.add(del.consumedCapacity());
                    item = del.hasAttributes() && !del.attributes().isEmpty() ? del.attributes() : null;
                }
            }
            return BatchStatementResponse.builder().tableName(table).item(item).build();
        } catch (AwsServiceException ex) {
            return failure(table, ex);
        }
    }

    /** Maps an operation's exception to the per-statement error code DynamoDB uses. */
    private static BatchStatementResponse failure(@Nullable String table, AwsServiceException ex) {
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

    private static String batchCode(@Nullable String errorCode) {
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
            @Nullable String table, String code, @Nullable String message, @Nullable Map<String, AttributeValue> item) {
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
