package dev.singletable.engine.partiql;

import dev.singletable.engine.error.EngineErrors;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * ExecuteTransaction: up to 100 single-item statements, all reads (TransactGetItems) or all writes
 * (TransactWriteItems, with EXISTS as a condition check), all-or-nothing; ClientRequestToken is passed through.
 * See [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteTransaction.html">ExecuteTransaction</a>
 */
final class TransactionStatements {

    private static final int MAX_STATEMENTS = 100;

    private final DynamoDbClient target;

    TransactionStatements(DynamoDbClient target) {
        this.target = target;
    }

    ExecuteTransactionResponse execute(ExecuteTransactionRequest r) {
        List<ParameterizedStatement> requests = r.transactStatements();
        StatementShapes.statements(
                requests.size(), i -> requests.get(i).statement(), "transactStatements", MAX_STATEMENTS);
        try {
            return run(r, requests);
        } catch (PartiqlException e) {
            throw EngineErrors.validation(e.getMessage());
        }
    }

    private ExecuteTransactionResponse run(ExecuteTransactionRequest r, List<ParameterizedStatement> requests) {
        List<Ast.Statement> statements = new ArrayList<>();
        for (ParameterizedStatement p : requests) {
            Ast.Statement s =
                    PartiqlExecutor.parse(p.statement(), PartiqlExecutor.parameters(p.parameters(), p.hasParameters()));
            if (s instanceof Ast.Expression e) {
                throw PartiqlExecutor.notAStatement(e);
            }
            statements.add(s);
        }
        boolean reads = statements.stream().anyMatch(s -> s instanceof Ast.Select);
        boolean writes = statements.stream().anyMatch(s -> !(s instanceof Ast.Select));
        if (reads && writes) {
            throw PartiqlException.validation(
                    "ExecuteTransaction API does not support both read and write operations in the same request.");
        }
        return reads ? read(r, requests, statements) : write(r, requests, statements);
    }

    private ExecuteTransactionResponse read(
            ExecuteTransactionRequest r, List<ParameterizedStatement> requests, List<Ast.Statement> statements) {
        List<TransactGetItem> gets = new ArrayList<>();
        List<Ast.Select> selects = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Ast.Select s = (Ast.Select) statements.get(i);
            selects.add(s);
            ParameterizedStatement p = requests.get(i);
            gets.add(inStatement(i, () -> get(s, p)));
        }
        TransactGetItemsResponse got =
                target.transactGetItems(b -> b.transactItems(gets).returnConsumedCapacity(r.returnConsumedCapacity()));
        List<ItemResponse> responses = new ArrayList<>();
        for (int i = 0; i < got.responses().size(); i++) {
            var item = got.responses().get(i);
            responses.add(
                    item.hasItem()
                            ? ItemResponse.builder().item(item.item()).build()
                            : ItemResponse.builder().build());
        }
        return ExecuteTransactionResponse.builder()
                .responses(responses)
                .consumedCapacity(got.hasConsumedCapacity() ? got.consumedCapacity() : null)
                .build();
    }

    private TransactGetItem get(Ast.Select s, ParameterizedStatement p) {
        if (s.from().index() != null) {
            throw PartiqlException.validation("Reads on indices are not supported within transactions.");
        }
        TableSchema schema = TableSchema.describe(target, s.from().table());
        Values values = new Values(PartiqlExecutor.parameters(p.parameters(), p.hasParameters()));
        KeyedWhere k = KeyedWhere.find(s.where(), schema, values);
        if (k == null || k.rest() != null) {
            throw PartiqlException.validation(
                    "Select statements within ExecuteTransaction must specify the primary key in the where clause.");
        }
        ExpressionWriter w = new ExpressionWriter(null);
        String projection = Projections.full(s.projections(), w);
        return TransactGetItem.builder()
                .get(Get.builder()
                        .tableName(schema.table())
                        .key(k.key())
                        .projectionExpression(projection)
                        .expressionAttributeNames(w.names())
                        .build())
                .build();
    }

    private ExecuteTransactionResponse write(
            ExecuteTransactionRequest r, List<ParameterizedStatement> requests, List<Ast.Statement> statements) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<Boolean> inserts = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        java.util.Map<Integer, String> itemErrors = new java.util.HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            Ast.Statement s = statements.get(i);
            ParameterizedStatement p = requests.get(i);
            WriteAction a;
            try {
                a = inStatement(i, () -> action(s, p));
            } catch (ItemRejected rejected) {
                itemErrors.put(i, rejected.getMessage());
                inserts.add(false);
                items.add(null);
                continue;
            }
            if (!keys.add(a.table() + "\u0000" + a.key())) {
                throw PartiqlException.validation("Transaction request cannot include multiple operations on one item");
            }
            inserts.add(a.kind() == WriteAction.Kind.INSERT);
            items.add(a.transactItem(p.returnValuesOnConditionCheckFailure()));
        }
        if (!itemErrors.isEmpty()) {
            List<CancellationReason> reasons = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                String message = itemErrors.get(i);
                reasons.add(
                        message == null
                                ? CancellationReason.builder().code("None").build()
                                : CancellationReason.builder()
                                        .code("ValidationError")
                                        .message(message)
                                        .build());
            }
            throw EngineErrors.transactionCanceled(reasons);
        }
        TransactWriteItemsResponse done;
        try {
            done = target.transactWriteItems(b -> b.transactItems(items)
                    .clientRequestToken(r.clientRequestToken())
                    .returnConsumedCapacity(r.returnConsumedCapacity()));
        } catch (TransactionCanceledException e) {
            throw duplicatesReported(e, inserts);
        }
        return ExecuteTransactionResponse.builder()
                .responses(List.of())
                .consumedCapacity(done.hasConsumedCapacity() ? done.consumedCapacity() : null)
                .build();
    }

    private WriteAction action(Ast.Statement s, ParameterizedStatement p) {
        Values values = new Values(PartiqlExecutor.parameters(p.parameters(), p.hasParameters()));
        if (s instanceof Ast.Insert i) {
            WritePlanner.requireTableOnly(i.into());
            return new WritePlanner(TableSchema.describe(target, i.into().table()), values).insert(i);
        }
        if (s instanceof Ast.Update u) {
            rejectReturning(u.returning());
            WritePlanner.requireNoIndex(u.table());
            return new WritePlanner(TableSchema.describe(target, u.table().table()), values).update(u);
        }
        if (s instanceof Ast.Delete d) {
            rejectReturning(d.returning());
            WritePlanner.requireNoIndex(d.from());
            return new WritePlanner(TableSchema.describe(target, d.from().table()), values).delete(d);
        }
        Ast.Exists x = (Ast.Exists) s;
        return new WritePlanner(TableSchema.describe(target, x.select().from().table()), values).exists(x);
    }

    private static void rejectReturning(@Nullable String returning) {
        if (returning != null) {
            throw PartiqlException.validation("RETURNING clause is not supported in ExecuteTransaction.");
        }
    }

    /**
     * An item whose key is missing or of the wrong type: DynamoDB cancels the transaction with a ValidationError
     * reason in that position rather than refusing the request.
     */
    private static final class ItemRejected extends RuntimeException {
        ItemRejected(String message) {
            super(message, null, false, false);
        }
    }

    /** Translation errors name the statement's position, as DynamoDB does. */
    private static <T> T inStatement(int index, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (PartiqlException e) {
            if (e.getMessage().startsWith("Key attribute should be present in the item")
                    || e.getMessage().startsWith("Key attribute's data type should match")) {
                throw new ItemRejected(e.getMessage());
            }
            throw PartiqlException.validation(
                    "Validation failed in TransactStatements[" + index + "]: " + e.getMessage());
        }
    }

    /** An INSERT whose item exists fails its attribute_not_exists guard; DynamoDB reports that as a duplicate. */
    private static TransactionCanceledException duplicatesReported(
            TransactionCanceledException e, List<Boolean> inserts) {
        if (!e.hasCancellationReasons()) {
            return e;
        }
        List<CancellationReason> reasons = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < e.cancellationReasons().size(); i++) {
            CancellationReason reason = e.cancellationReasons().get(i);
            if (i < inserts.size() && inserts.get(i) && "ConditionalCheckFailed".equals(reason.code())) {
                reason = CancellationReason.builder()
                        .code("ValidationError")
                        .message(PartiqlErrors.DUPLICATE_ITEM)
                        .build();
                changed = true;
            }
            reasons.add(reason);
        }
        return changed ? EngineErrors.transactionCanceled(reasons) : e;
    }
}
