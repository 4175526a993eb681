package dev.singletable.engine.iam;

import dev.singletable.engine.core.ResourceArn;
import dev.singletable.engine.partiql.PartiqlStatements;
import dev.singletable.engine.table.TableDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What IAM authorizes a DynamoDB request by: its action(s), the resource(s) it names [1] and its condition keys [2]:
 * <ul>
 *   <li>{@code dynamodb:LeadingKeys}: the partition-key values of every item the request touches (each key of a
 *       batch, each put item, the partition a Query reads; none for a Scan);</li>
 *   <li>{@code dynamodb:Attributes}: the top-level attribute names a request reads (its projection) or writes (the
 *       item of a PutItem, the key and updated attributes of an UpdateItem);</li>
 *   <li>{@code dynamodb:Select} of reads (the request's, or SPECIFIC_ATTRIBUTES when it projects, else
 *       ALL_ATTRIBUTES / ALL_PROJECTED_ATTRIBUTES for an index); {@code dynamodb:ReturnValues},
 *       {@code dynamodb:ReturnConsumedCapacity};</li>
 *   <li>transactions are authorized per item as the item's own action, with {@code dynamodb:EnclosingOperation};
 *       batches once per table with the batch's action;</li>
 *   <li>PartiQL statements as {@code dynamodb:PartiQLSelect}/{@code Insert}/{@code Update}/{@code Delete} on the
 *       table (or index) they name [3].</li>
 * </ul>
 * Every other operation is its own action on the resource it names ({@code *} when it names none).
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html">Actions,
 * resources, and condition keys for Amazon DynamoDB</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html">Using IAM policy conditions for fine-grained access control</a><br>
 * [3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-iam.html">IAM security policies with PartiQL for DynamoDB</a>
 */
public final class RequestAccess {

    /** The table definitions the mapping reads key schemas from (null when the table does not exist). */
    public interface Tables {
        @Nullable
        TableDefinition definition(String account, String tableName);
    }

    /** Request members that name the resource of an operation without a richer mapping. */
    private static final List<String> RESOURCE_MEMBERS = List.of(
            "TableName",
            "ResourceArn",
            "TableArn",
            "StreamArn",
            "BackupArn",
            "SourceTableArn",
            "TargetTableName",
            "GlobalTableName",
            "ExportArn",
            "ImportArn");

    private final String account;
    private final String region;
    private final Tables tables;
    private final Map<String, List<String>> principalKeys;

    /** A mapping whose authorizations carry no principal keys (their context is given with each evaluation). */
    public RequestAccess(String account, String region, Tables tables) {
        this(account, region, tables, Map.of());
    }

    /**
     * A mapping for one caller: each authorization it makes is also the caller's request context (its own keys after
     * the request's), evaluated with {@link Evaluator#decide(Principal, AccessRequest, IamPolicy)}.
     */
    public RequestAccess(String account, String region, Tables tables, Map<String, List<String>> principalKeys) {
        this.account = account;
        this.region = region;
        this.tables = tables;
        this.principalKeys = principalKeys;
    }

    /** Every authorization the request needs. */
    public List<AccessRequest> of(SdkRequest request) {
        AccessRequest single = single(request);
        return single != null ? List.of(single) : several(request);
    }

    /**
     * The one authorization of a request that needs exactly one (every request but a batch, a transaction and a
     * batch of statements), without a list around it; null for a request that may need several.
     */
    public @Nullable AccessRequest single(SdkRequest request) {
        if (request instanceof GetItemRequest r) {
            return get(
                    "dynamodb:GetItem",
                    r.tableName(),
                    r.key(),
                    r.projectionExpression(),
                    r.hasAttributesToGet() ? r.attributesToGet() : null,
                    r.expressionAttributeNames(),
                    r.returnConsumedCapacityAsString(),
                    null);
        }
        if (request instanceof PutItemRequest r) {
            return keyed(
                    "dynamodb:PutItem",
                    r.tableName(),
                    r.item(),
                    r.returnValuesAsString(),
                    r.returnConsumedCapacityAsString(),
                    null);
        }
        if (request instanceof UpdateItemRequest r) {
            return update(
                    "dynamodb:UpdateItem",
                    r.tableName(),
                    r.key(),
                    r.updateExpression(),
                    r.hasAttributeUpdates() ? r.attributeUpdates().keySet() : null,
                    r.expressionAttributeNames(),
                    r.expressionAttributeValues(),
                    r.returnValuesAsString(),
                    r.returnConsumedCapacityAsString(),
                    null);
        }
        if (request instanceof DeleteItemRequest r) {
            return keyed(
                    "dynamodb:DeleteItem",
                    r.tableName(),
                    r.key(),
                    r.returnValuesAsString(),
                    r.returnConsumedCapacityAsString(),
                    null);
        }
        if (request instanceof QueryRequest r) {
            return query(r);
        }
        if (request instanceof ScanRequest r) {
            return scan(r);
        }
        if (request instanceof ExecuteStatementRequest r) {
            return partiql(r.statement(), null);
        }
        if (request instanceof GetRecordsRequest r) {
            // a shard iterator begins with its stream's ARN (engine.streams.ShardIterators)
            String iterator = r.shardIterator();
            int bar = iterator == null ? -1 : iterator.indexOf('|');
            @Nullable
            ResourceArn arn = iterator == null || bar < 0 ? null : ResourceArn.parse(iterator.substring(0, bar));
            return arn == null
                    ? eager("dynamodb:GetRecords", "*", null, null, Map.of())
                    : eager("dynamodb:GetRecords", arn.text(), accountOf(arn), null, Map.of());
        }
        if (request instanceof ListStreamsRequest) {
            return eager("dynamodb:ListStreams", "*", null, null, Map.of());
        }
        if (request instanceof BatchGetItemRequest
                || request instanceof BatchWriteItemRequest
                || request instanceof TransactWriteItemsRequest
                || request instanceof TransactGetItemsRequest
                || request instanceof BatchExecuteStatementRequest
                || request instanceof ExecuteTransactionRequest) {
            return null;
        }
        return generic(request, operationName(request));
    }

    private List<AccessRequest> several(SdkRequest request) {
        if (request instanceof BatchGetItemRequest r) {
            return batchGet(r);
        }
        if (request instanceof BatchWriteItemRequest r) {
            return batchWrite(r);
        }
        if (request instanceof TransactWriteItemsRequest r) {
            return transactWrite(r);
        }
        if (request instanceof TransactGetItemsRequest r) {
            return transactGet(r);
        }
        if (request instanceof BatchExecuteStatementRequest r) {
            List<AccessRequest> out = new ArrayList<>();
            for (BatchStatementRequest s : r.hasStatements() ? r.statements() : List.<BatchStatementRequest>of()) {
                if (s != null) {
                    out.add(partiql(s.statement(), null));
                }
            }
            return out;
        }
        if (request instanceof ExecuteTransactionRequest r) {
            List<AccessRequest> out = new ArrayList<>();
            for (ParameterizedStatement s :
                    r.hasTransactStatements() ? r.transactStatements() : List.<ParameterizedStatement>of()) {
                if (s != null) {
                    out.add(partiql(s.statement(), "ExecuteTransaction"));
                }
            }
            return out;
        }
        throw new IllegalArgumentException("not a request of several authorizations: " + request.getClass());
    }

    // ----- item operations

    private AccessRequest get(
            String action,
            @Nullable String table,
            Map<String, AttributeValue> key,
            @Nullable String projection,
            @Nullable List<String> attributesToGet,
            Map<String, String> names,
            @Nullable String consumed,
            @Nullable String enclosing) {
        Target t = target(table, null);
        return new ItemAccess(
                action,
                t,
                principalKeys,
                ItemAccess.Shape.READ,
                key,
                projection,
                attributesToGet,
                names,
                null,
                null,
                "ALL_ATTRIBUTES",
                null,
                null,
                consumed,
                enclosing);
    }

    private AccessRequest update(
            String action,
            @Nullable String table,
            Map<String, AttributeValue> key,
            @Nullable String expression,
            @Nullable Collection<String> attributeUpdates,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            @Nullable String returnValues,
            @Nullable String consumed,
            @Nullable String enclosing) {
        Target t = target(table, null);
        return new ItemAccess(
                action,
                t,
                principalKeys,
                ItemAccess.Shape.UPDATE,
                key,
                expression,
                attributeUpdates,
                names,
                values,
                null,
                null,
                null,
                returnValues,
                consumed,
                enclosing);
    }

    /**
     * A request naming one item by a map of attributes: a PutItem's whole item, or a DeleteItem's or ConditionCheck's
     * key. Either way its partition key is the leading key and its attribute names are the attributes touched.
     */
    private AccessRequest keyed(
            String action,
            @Nullable String table,
            Map<String, AttributeValue> item,
            @Nullable String returnValues,
            @Nullable String consumed,
            @Nullable String enclosing) {
        Target t = target(table, null);
        return new ItemAccess(
                action,
                t,
                principalKeys,
                ItemAccess.Shape.WRITE,
                item,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                returnValues,
                consumed,
                enclosing);
    }

    private AccessRequest query(QueryRequest r) {
        Target t = target(r.tableName(), r.indexName());
        String unprojected = t.index == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
        return new ItemAccess(
                "dynamodb:Query",
                t,
                principalKeys,
                ItemAccess.Shape.QUERY,
                null,
                r.projectionExpression(),
                r.hasAttributesToGet() ? r.attributesToGet() : null,
                r.expressionAttributeNames(),
                null,
                r,
                unprojected,
                r.selectAsString(),
                null,
                r.returnConsumedCapacityAsString(),
                null);
    }

    private AccessRequest scan(ScanRequest r) {
        Target t = target(r.tableName(), r.indexName());
        String unprojected = r.indexName() == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
        return new ItemAccess(
                "dynamodb:Scan",
                t,
                principalKeys,
                ItemAccess.Shape.SCAN,
                null,
                r.projectionExpression(),
                r.hasAttributesToGet() ? r.attributesToGet() : null,
                r.expressionAttributeNames(),
                null,
                null,
                unprojected,
                r.selectAsString(),
                null,
                r.returnConsumedCapacityAsString(),
                null);
    }

    private List<AccessRequest> batchGet(BatchGetItemRequest r) {
        List<AccessRequest> out = new ArrayList<>();
        if (!r.hasRequestItems()) {
            return out;
        }
        for (Map.Entry<String, KeysAndAttributes> e : r.requestItems().entrySet()) {
            KeysAndAttributes ka = e.getValue();
            Target t = target(e.getKey(), null);
            Map<String, List<String>> keys = conditionKeys();
            if (ka != null) {
                leadingKeys(keys, t, ka.hasKeys() ? ka.keys() : List.of());
                List<String> attributesToGet = ka.hasAttributesToGet() ? ka.attributesToGet() : null;
                Set<String> attributes =
                        ItemAccess.projected(ka.projectionExpression(), attributesToGet, ka.expressionAttributeNames());
                if (attributes != null && !attributes.isEmpty()) {
                    keys.put(ItemAccess.ATTRIBUTES, List.copyOf(attributes));
                }
                keys.put(
                        ItemAccess.SELECT,
                        List.of(
                                ka.projectionExpression() != null || attributesToGet != null
                                        ? "SPECIFIC_ATTRIBUTES"
                                        : "ALL_ATTRIBUTES"));
            }
            common(keys, r.returnConsumedCapacityAsString());
            out.add(eager("dynamodb:BatchGetItem", t.arn, t.account, t.definition, keys));
        }
        return out;
    }

    private List<AccessRequest> batchWrite(BatchWriteItemRequest r) {
        List<AccessRequest> out = new ArrayList<>();
        if (!r.hasRequestItems()) {
            return out;
        }
        for (Map.Entry<String, List<WriteRequest>> e : r.requestItems().entrySet()) {
            Target t = target(e.getKey(), null);
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            Set<String> attributes = new LinkedHashSet<>();
            for (WriteRequest w : e.getValue() == null ? List.<WriteRequest>of() : e.getValue()) {
                if (w == null) {
                    continue;
                }
                Map<String, AttributeValue> item = w.putRequest() != null
                        ? w.putRequest().item()
                        : w.deleteRequest() != null ? w.deleteRequest().key() : null;
                if (item != null) {
                    items.add(item);
                    attributes.addAll(item.keySet());
                }
            }
            Map<String, List<String>> keys = conditionKeys();
            leadingKeys(keys, t, items);
            if (!attributes.isEmpty()) {
                keys.put(ItemAccess.ATTRIBUTES, List.copyOf(attributes));
            }
            common(keys, r.returnConsumedCapacityAsString());
            out.add(eager("dynamodb:BatchWriteItem", t.arn, t.account, t.definition, keys));
        }
        return out;
    }

    private List<AccessRequest> transactWrite(TransactWriteItemsRequest r) {
        List<AccessRequest> out = new ArrayList<>();
        String consumed = r.returnConsumedCapacityAsString();
        String enclosing = "TransactWriteItems";
        for (TransactWriteItem item : r.hasTransactItems() ? r.transactItems() : List.<TransactWriteItem>of()) {
            if (item == null) {
                continue;
            }
            if (item.put() != null) {
                Put p = item.put();
                out.add(keyed("dynamodb:PutItem", p.tableName(), p.item(), null, consumed, enclosing));
            }
            if (item.update() != null) {
                Update u = item.update();
                out.add(update(
                        "dynamodb:UpdateItem",
                        u.tableName(),
                        u.key(),
                        u.updateExpression(),
                        null,
                        u.expressionAttributeNames(),
                        u.expressionAttributeValues(),
                        null,
                        consumed,
                        enclosing));
            }
            if (item.delete() != null) {
                Delete d = item.delete();
                out.add(keyed("dynamodb:DeleteItem", d.tableName(), d.key(), null, consumed, enclosing));
            }
            if (item.conditionCheck() != null) {
                ConditionCheck c = item.conditionCheck();
                out.add(keyed("dynamodb:ConditionCheckItem", c.tableName(), c.key(), null, consumed, enclosing));
            }
        }
        return out;
    }

    private List<AccessRequest> transactGet(TransactGetItemsRequest r) {
        List<AccessRequest> out = new ArrayList<>();
        for (TransactGetItem item : r.hasTransactItems() ? r.transactItems() : List.<TransactGetItem>of()) {
            if (item == null || item.get() == null) {
                continue;
            }
            Get g = item.get();
            out.add(get(
                    "dynamodb:GetItem",
                    g.tableName(),
                    g.key(),
                    g.projectionExpression(),
                    null,
                    g.expressionAttributeNames(),
                    r.returnConsumedCapacityAsString(),
                    "TransactGetItems"));
        }
        return out;
    }

    /**
     * A PartiQL statement: SELECT is dynamodb:PartiQLSelect, and so on, on the table or index it names [3]. An
     * unparseable statement is
     * authorized as PartiQLSelect on {@code *}; the engine then answers its ValidationException.
     */
    private AccessRequest partiql(@Nullable String statement, @Nullable String enclosing) {
        PartiqlStatements.@Nullable Described d = statement == null ? null : PartiqlStatements.describe(statement);
        Map<String, List<String>> keys =
                enclosing == null ? Map.of() : Map.of(ItemAccess.ENCLOSING_OPERATION, List.of(enclosing));
        if (d == null) {
            return eager("dynamodb:PartiQLSelect", "*", null, null, keys);
        }
        Target t = target(d.table(), d.index());
        return eager("dynamodb:PartiQL" + d.verb(), t.arn, t.account, t.definition, keys);
    }

    private AccessRequest generic(SdkRequest request, String operation) {
        for (String member : RESOURCE_MEMBERS) {
            String value = request.getValueForField(member, String.class).orElse(null);
            if (value != null && !value.isEmpty()) {
                ResourceArn arn = ResourceArn.parse(value);
                if (arn != null) {
                    return eager("dynamodb:" + operation, value, accountOf(arn), null, Map.of());
                }
                Target t = target(value, null);
                return eager("dynamodb:" + operation, t.arn, t.account, null, Map.of());
            }
        }
        return eager("dynamodb:" + operation, "*", null, null, Map.of());
    }

    /** An authorization whose condition keys are all known up front. */
    private AccessRequest eager(
            String action,
            String resource,
            @Nullable String resourceAccount,
            @Nullable TableDefinition table,
            Map<String, List<String>> keys) {
        return new AccessRequest(action, resource, resourceAccount, table, principalKeys, keys);
    }

    // ----- condition keys of batches

    /** A batch's condition keys for one table: two to four of them, so a small table rather than the default 16. */
    private static Map<String, List<String>> conditionKeys() {
        return new HashMap<>(4);
    }

    private void leadingKeys(Map<String, List<String>> keys, Target t, List<Map<String, AttributeValue>> items) {
        if (t.definition == null) {
            return;
        }
        String hash = t.definition.primaryKey().hashName();
        Set<String> values = new LinkedHashSet<>();
        for (Map<String, AttributeValue> item : items) {
            String v = item == null ? null : ItemAccess.text(item.get(hash));
            if (v != null) {
                values.add(v);
            }
        }
        if (!values.isEmpty()) {
            keys.put(ItemAccess.LEADING_KEYS, List.copyOf(values));
        }
    }

    private static void common(Map<String, List<String>> keys, String consumed) {
        if (consumed != null) {
            keys.put(ItemAccess.RETURN_CONSUMED_CAPACITY, List.of(consumed));
        }
    }

    // ----- resources

    /** A table (or its index) named by name or ARN, with its owner and definition (null when it does not exist). */
    record Target(
            String arn,
            @Nullable String account,
            @Nullable TableDefinition definition,
            @Nullable String index) {}

    private Target target(@Nullable String nameOrArn, @Nullable String index) {
        String owner = account;
        String ownerRegion = region;
        @Nullable String name = nameOrArn;
        ResourceArn arn = ResourceArn.parse(nameOrArn);
        if (arn != null && arn.tableName() != null) {
            owner = accountOf(arn);
            ownerRegion = arn.region();
            name = arn.tableName();
            if (index == null && arn.isIndex()) {
                index = arn.subName();
            }
        }
        if (name == null) {
            name = "";
        }
        @Nullable TableDefinition definition = owner == null ? null : tables.definition(owner, name);
        String tableArn = definition != null
                ? definition.arn()
                : "arn:aws:dynamodb:" + ownerRegion + ":" + (owner == null ? account : owner) + ":table/" + name;
        return new Target(index == null ? tableArn : tableArn + "/index/" + index, owner, definition, index);
    }

    private String accountOf(ResourceArn arn) {
        return arn.account() != null && arn.account().matches("\\d{12}") ? arn.account() : account;
    }

    /** {@code GetItemRequest} is GetItem (worked out once per request class: Class.getSimpleName is not free). */
    static String operationName(SdkRequest request) {
        return OPERATION_NAMES.get(request.getClass());
    }

    private static final ClassValue<String> OPERATION_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String name = type.getSimpleName();
            return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
        }
    };
}
