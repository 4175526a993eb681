package dev.singletable.engine.partiql;

import dev.singletable.engine.error.EngineErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * DynamoDB's PartiQL operations, translated onto the ordinary item operations of a target client (the engine's own, or
 * any DynamoDB), so that they inherit every expression, validation, capacity and index rule the target has.
 * The operations are [1], [2] and [3]; the language [4].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html">ExecuteStatement</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchExecuteStatement.html">BatchExecuteStatement</a>
 * <br>[3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteTransaction.html">ExecuteTransaction</a>
 * <br>[4] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html">PartiQL for DynamoDB</a>
 */
public final class PartiqlExecutor {

    private final DynamoDbClient target;

    public PartiqlExecutor(DynamoDbClient target) {
        this.target = target;
    }

    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest r) {
        StatementShapes.executeStatement(r.statement(), r.limit());
        try {
            return execute(r);
        } catch (PartiqlException e) {
            throw EngineErrors.validation(e.getMessage());
        }
    }

    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest r) {
        return new BatchStatements(target).execute(r);
    }

    public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest r) {
        return new TransactionStatements(target).execute(r);
    }

    /** Parses a statement and checks that enough parameters were supplied for its placeholders. */
    static Ast.Statement parse(String statement, List<AttributeValue> parameters) {
        Parser.Parsed parsed;
        try {
            parsed = Parser.parse(statement);
        } catch (MalformedStatement e) {
            throw PartiqlException.validation("Statement wasn't well formed, can't be processed: " + statement);
        }
        if (parameters.size() < parsed.parameterCount()) {
            throw PartiqlException.validation("Number of parameters in request and statement don't match.");
        }
        return parsed.statement();
    }

    static List<AttributeValue> parameters(List<AttributeValue> given, boolean present) {
        return present ? given : List.of();
    }

    /** What a top-level expression that is not a statement gets: DynamoDB's own (odd) wording. */
    static PartiqlException notAStatement(Ast.Expression e) {
        if (e.expr() instanceof Ast.Path) {
            return PartiqlException.validation("Unsupported operation: VariableReference");
        }
        return PartiqlException.validation("EXISTS can only be used in ExecuteTransaction write requests.");
    }

    private ExecuteStatementResponse execute(ExecuteStatementRequest r) {
        List<AttributeValue> params = parameters(r.parameters(), r.hasParameters());
        Ast.Statement statement = parse(r.statement(), params);
        Values values = new Values(params);
        ReturnConsumedCapacity capacity = r.returnConsumedCapacity();
        if (statement instanceof Ast.Select s) {
            TableSchema schema = TableSchema.describe(target, s.from().table());
            ReadPlan plan =
                    new SelectPlanner(schema, values, Boolean.TRUE.equals(r.consistentRead()), capacity).plan(s);
            return read(plan, r, NextToken.fingerprint(r.statement(), params, r.consistentRead()));
        }
        if (statement instanceof Ast.Insert i) {
            WritePlanner.requireTableOnly(i.into());
            WriteAction a =
                    new WritePlanner(TableSchema.describe(target, i.into().table()), values).insert(i);
            PutItemResponse put;
            try {
                put = target.putItem(a.putRequest(null).toBuilder()
                        .returnConsumedCapacity(capacity)
                        .build());
            } catch (ConditionalCheckFailedException e) {
                throw PartiqlErrors.duplicateItem();
            }
            return written(null, put.consumedCapacity());
        }
        if (statement instanceof Ast.Update u) {
            WritePlanner.requireNoIndex(u.table());
            WriteAction a =
                    new WritePlanner(TableSchema.describe(target, u.table().table()), values).update(u);
            UpdateItemResponse up = updateItem(
                    target,
                    a.updateRequest(r.returnValuesOnConditionCheckFailureAsString()).toBuilder()
                            .returnConsumedCapacity(capacity)
                            .build());
            return written(up.hasAttributes() ? up.attributes() : null, up.consumedCapacity());
        }
        if (statement instanceof Ast.Delete d) {
            WritePlanner.requireNoIndex(d.from());
            WriteAction a =
                    new WritePlanner(TableSchema.describe(target, d.from().table()), values).delete(d);
            DeleteItemResponse del =
                    target.deleteItem(a.deleteRequest(r.returnValuesOnConditionCheckFailureAsString()).toBuilder()
                            .returnConsumedCapacity(capacity)
                            .build());
            return written(del.hasAttributes() ? del.attributes() : null, del.consumedCapacity());
        }
        if (statement instanceof Ast.Exists) {
            throw PartiqlException.validation("EXISTS can only be used in ExecuteTransaction write requests.");
        }
        throw notAStatement((Ast.Expression) statement);
    }

    /**
     * UpdateItem, with the target's "Invalid UpdateExpression: " prefix taken off its validation messages: the
     * statement had no UpdateExpression, and DynamoDB's PartiQL reports the bare reason.
     */
    static UpdateItemResponse updateItem(DynamoDbClient target, UpdateItemRequest request) {
        try {
            return target.updateItem(request);
        } catch (DynamoDbException e) {
            String prefix = "Invalid UpdateExpression: ";
            String message =
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
            if ("ValidationException"
                            .equals(
                                    e.awsErrorDetails() == null
                                            ? null
                                            : e.awsErrorDetails().errorCode())
                    && message != null
                    && message.startsWith(prefix)) {
                throw EngineErrors.validation(message.substring(prefix.length()));
            }
            throw e;
        }
    }

    private static ExecuteStatementResponse written(
            @Nullable Map<String, AttributeValue> attributes,
            software.amazon.awssdk.services.dynamodb.model.@Nullable ConsumedCapacity capacity) {
        List<Map<String, AttributeValue>> items =
                attributes == null || attributes.isEmpty() ? List.of() : List.of(attributes);
        return ExecuteStatementResponse.builder()
                .items(items)
                .consumedCapacity(capacity)
                .build();
    }

    /**
     * Runs the plan's operations in order from where the NextToken left off, until a page ends inside an operation
     * (1 MB, or Limit items evaluated) or every operation is done.
     */
    private ExecuteStatementResponse read(ReadPlan plan, ExecuteStatementRequest r, String fingerprint) {
        int op = 0;
        Map<String, AttributeValue> start = null;
        if (r.nextToken() != null) {
            NextToken token = NextToken.decode(r.nextToken(), fingerprint);
            if (token.operation() >= plan.ops().size()) {
                throw PartiqlException.validation("Invalid NextToken");
            }
            op = token.operation();
            start = token.startKey();
        }
        Integer remaining = r.limit();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Capacity capacity = new Capacity();
        NextToken next = null;
        while (op < plan.ops().size()) {
            ReadPlan.Page page = plan.ops().get(op).read(target, start, remaining);
            capacity.add(page.capacity());
            for (Map<String, AttributeValue> item : page.items()) {
                items.add(Projections.apply(plan.projections(), item));
            }
            if (page.lastKey() != null) {
                next = new NextToken(op, page.lastKey());
                break;
            }
            op++;
            start = null;
            if (remaining != null) {
                remaining -= page.evaluated();
                if (remaining <= 0) {
                    if (op < plan.ops().size()) {
                        next = new NextToken(op, null);
                    }
                    break;
                }
            }
        }
        return ExecuteStatementResponse.builder()
                .items(items)
                .nextToken(next == null ? null : next.encode(fingerprint))
                .consumedCapacity(capacity.single())
                .build();
    }
}
