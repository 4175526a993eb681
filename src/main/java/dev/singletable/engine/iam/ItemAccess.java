package dev.singletable.engine.iam;

import dev.singletable.engine.expr.ExpressionContext;
import dev.singletable.engine.expr.Expressions;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.KeyDef;
import dev.singletable.engine.table.TableDefinition;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The authorization of a request on one table or index — a GetItem, PutItem, UpdateItem, DeleteItem, a transaction's
 * item, a Query or a Scan — whose DynamoDB condition keys [1] are worked out only when a policy asks for one, and
 * once: most policies name none or only {@code dynamodb:LeadingKeys}, and a
 * projection or update expression is parsed only for a policy on {@code dynamodb:Attributes}. The values are those
 * {@link RequestAccess} documents.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html">Using IAM policy conditions for fine-grained access control</a>
 */
final class ItemAccess extends AccessRequest {

    static final String LEADING_KEYS = "dynamodb:leadingkeys";
    static final String ATTRIBUTES = "dynamodb:attributes";
    static final String SELECT = "dynamodb:select";
    static final String RETURN_VALUES = "dynamodb:returnvalues";
    static final String RETURN_CONSUMED_CAPACITY = "dynamodb:returnconsumedcapacity";
    static final String ENCLOSING_OPERATION = "dynamodb:enclosingoperation";

    /** What the request does with its item(s), which decides how each key is read from it. */
    enum Shape {
        /** GetItem, a transaction's Get: the key names the item; a projection names the attributes read. */
        READ,
        /** PutItem, DeleteItem, ConditionCheck: the item (or key) gives the leading key and the attributes. */
        WRITE,
        /** UpdateItem: the key, the updated attributes and the update expression's attributes. */
        UPDATE,
        /** Query: the partition its key condition reads; a projection names the attributes. */
        QUERY,
        /** Scan: no leading key; a projection names the attributes. */
        SCAN
    }

    /** The values dynamodb:Select takes without a request's own Select, shared rather than built per request. */
    private static final Map<String, List<String>> SELECT_VALUES = Map.of(
            "ALL_ATTRIBUTES",
            List.of("ALL_ATTRIBUTES"),
            "ALL_PROJECTED_ATTRIBUTES",
            List.of("ALL_PROJECTED_ATTRIBUTES"),
            "SPECIFIC_ATTRIBUTES",
            List.of("SPECIFIC_ATTRIBUTES"));

    /** Marks a key not worked out yet (compared by identity). */
    private static final List<String> NOT_YET = List.of("not yet");

    private final Shape shape;
    private final @Nullable String index;
    private final @Nullable Map<String, AttributeValue> item;
    private final @Nullable String expression;
    private final @Nullable Collection<String> listed;
    private final @Nullable Map<String, String> names;
    private final @Nullable Map<String, AttributeValue> values;
    private final @Nullable QueryRequest query;
    private final @Nullable String unprojected;
    private final @Nullable String select;
    private final @Nullable String returnValues;
    private final @Nullable String consumed;
    private final @Nullable String enclosing;

    /** {@link #NOT_YET} until asked for; then the values, or null when the request has none. */
    private @Nullable List<String> leadingKeys = NOT_YET;

    private @Nullable List<String> attributes = NOT_YET;

    /**
     * @param target      the table or index the request names, its owner and definition
     * @param item        the key of a READ, UPDATE or WRITE of a key, the item of a PutItem
     * @param expression  the projection expression (reads), the update expression (UPDATE)
     * @param listed      AttributesToGet (reads), the AttributeUpdates' names (UPDATE)
     * @param unprojected dynamodb:Select of a read without a projection or Select of its own
     */
    ItemAccess(
            String action,
            RequestAccess.Target target,
            Map<String, List<String>> principalKeys,
            Shape shape,
            @Nullable Map<String, AttributeValue> item,
            @Nullable String expression,
            @Nullable Collection<String> listed,
            @Nullable Map<String, String> names,
            @Nullable Map<String, AttributeValue> values,
            @Nullable QueryRequest query,
            @Nullable String unprojected,
            @Nullable String select,
            @Nullable String returnValues,
            @Nullable String consumed,
            @Nullable String enclosing) {
        super(action, target.arn(), target.account(), target.definition(), principalKeys, Map.of());
        this.shape = shape;
        this.index = target.index();
        this.item = item;
        this.expression = expression;
        this.listed = listed;
        this.names = names;
        this.values = values;
        this.query = query;
        this.unprojected = unprojected;
        this.select = select;
        this.returnValues = returnValues;
        this.consumed = consumed;
        this.enclosing = enclosing;
    }

    @Override
    @Nullable
    List<String> requestKey(String lowerCaseKey) {
        return switch (lowerCaseKey) {
            case LEADING_KEYS -> leadingKeys();
            case ATTRIBUTES -> attributes();
            case SELECT -> select();
            case RETURN_VALUES -> one(returnValues);
            case RETURN_CONSUMED_CAPACITY -> one(consumed);
            case ENCLOSING_OPERATION -> one(enclosing);
            default -> null;
        };
    }

    /** Every key the request has, worked out now (for callers that want them all). */
    @Override
    public Map<String, List<String>> keys() {
        Map<String, List<String>> all = new java.util.HashMap<>();
        for (String key : List.of(
                LEADING_KEYS, ATTRIBUTES, SELECT, RETURN_VALUES, RETURN_CONSUMED_CAPACITY, ENCLOSING_OPERATION)) {
            List<String> v = requestKey(key);
            if (v != null) {
                all.put(key, v);
            }
        }
        return all;
    }

    private @Nullable List<String> leadingKeys() {
        @Nullable List<String> known = leadingKeys;
        if (known == NOT_YET) {
            String v = partition();
            known = v == null ? null : List.of(v);
            leadingKeys = known;
        }
        return known;
    }

    private @Nullable String partition() {
        @Nullable TableDefinition definition = table();
        if (definition == null) {
            return null;
        }
        return switch (shape) {
            case SCAN -> null;
            case QUERY -> query == null ? null : queriedPartition(query, definition, index);
            default ->
                item == null ? null : text(item.get(definition.primaryKey().hashName()));
        };
    }

    private @Nullable List<String> attributes() {
        @Nullable List<String> known = attributes;
        if (known == NOT_YET) {
            @Nullable
            Set<String> found =
                    switch (shape) {
                        case WRITE -> item == null ? null : item.keySet();
                        case UPDATE -> updated();
                        default -> projected(expression, listed, names);
                    };
            known = found == null || found.isEmpty() ? null : List.copyOf(found);
            attributes = known;
        }
        return known;
    }

    private Set<String> updated() {
        Set<String> found = new LinkedHashSet<>();
        if (item != null) {
            found.addAll(item.keySet());
        }
        if (listed != null) {
            found.addAll(listed);
        }
        if (expression != null) {
            try {
                found.addAll(
                        Expressions.update(expression, context(names, values)).topLevelAttributes());
            } catch (RuntimeException invalid) {
                // the engine rejects the expression with DynamoDB's own message once the request is allowed
            }
        }
        return found;
    }

    private @Nullable List<String> select() {
        if (shape == Shape.WRITE || shape == Shape.UPDATE) {
            return null;
        }
        @Nullable
        String effective =
                select != null ? select : expression != null || listed != null ? "SPECIFIC_ATTRIBUTES" : unprojected;
        if (effective == null) {
            // reads always have their unprojected Select (RequestAccess)
            return null;
        }
        List<String> shared = SELECT_VALUES.get(effective);
        return shared != null ? shared : List.of(effective);
    }

    private static @Nullable List<String> one(@Nullable String value) {
        return value == null ? null : List.of(value);
    }

    /**
     * The top-level attributes a read names: its projection expression's, else its AttributesToGet; null when it
     * names none (or its projection is invalid: the engine answers that once the request is allowed).
     */
    static @Nullable Set<String> projected(
            @Nullable String projection,
            @Nullable Collection<String> attributesToGet,
            @Nullable Map<String, String> names) {
        if (projection != null) {
            try {
                return Expressions.projection(projection, context(names, null)).topLevelAttributes();
            } catch (RuntimeException invalid) {
                return null;
            }
        }
        return attributesToGet == null ? null : new LinkedHashSet<>(attributesToGet);
    }

    /** The partition a Query reads: the equality on the (table's or index's) partition key. */
    private static @Nullable String queriedPartition(
            QueryRequest r, TableDefinition definition, @Nullable String index) {
        KeyDef key = definition.primaryKey();
        if (index != null) {
            IndexDef def = definition.index(index);
            if (def == null) {
                return null;
            }
            key = def.key();
        }
        if (key.multiAttribute()) {
            return null;
        }
        try {
            if (r.keyConditionExpression() != null) {
                return text(Expressions.keyCondition(
                                r.keyConditionExpression(),
                                context(r.expressionAttributeNames(), r.expressionAttributeValues()))
                        .resolve(key.hashName(), key.rangeName())
                        .hashValue());
            }
            if (r.hasKeyConditions() && r.keyConditions().get(key.hashName()) != null) {
                Condition c = r.keyConditions().get(key.hashName());
                if (c.comparisonOperator() == ComparisonOperator.EQ
                        && c.hasAttributeValueList()
                        && c.attributeValueList().size() == 1) {
                    return text(c.attributeValueList().get(0));
                }
            }
        } catch (RuntimeException invalid) {
            // an invalid key condition: the engine answers its ValidationException once the request is allowed
        }
        return null;
    }

    /** A key value as IAM compares it: a string, a number's text, a binary's base64. */
    static @Nullable String text(@Nullable AttributeValue v) {
        if (v == null) {
            return null;
        }
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return v.n();
        }
        if (v.b() != null) {
            return Base64.getEncoder().encodeToString(v.b().asByteArray());
        }
        return null;
    }

    static ExpressionContext context(
            @Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> values) {
        return new ExpressionContext(
                names == null || names.isEmpty() ? null : names, values == null || values.isEmpty() ? null : values);
    }
}
