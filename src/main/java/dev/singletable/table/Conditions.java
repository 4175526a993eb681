package dev.singletable.table;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;

/**
 * The two conditions the features write with. A put conditioned on {@link #NEW_ITEM} creates and never replaces: it
 * is how an id, a unique value, a like or a follow is claimed once. {@link #EXISTS} keeps a write, or a transaction's
 * ConditionCheck, from resurrecting an item that was deleted meanwhile.
 */
public final class Conditions {

    private static final Map<String, String> PK = Map.of("#pk", SingleTable.PK);

    /** The item does not exist yet. */
    public static final Expression NEW_ITEM = Expression.builder()
            .expression("attribute_not_exists(#pk)")
            .expressionNames(PK)
            .build();

    /** The item exists. */
    public static final Expression EXISTS = Expression.builder()
            .expression("attribute_exists(#pk)")
            .expressionNames(PK)
            .build();

    private Conditions() {}
}
