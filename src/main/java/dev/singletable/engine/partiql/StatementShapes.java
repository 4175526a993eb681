package dev.singletable.engine.partiql;

import dev.singletable.engine.error.EngineErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The request-shape constraints of the three PartiQL operations, reported in AWS's Smithy wording.
 * The constraints are those of [1], [2] and [3].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html">ExecuteStatement</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchExecuteStatement.html">BatchExecuteStatement</a>
 * <br>[3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteTransaction.html">ExecuteTransaction</a>
 */
final class StatementShapes {

    private static final int MAX_STATEMENT_LENGTH = 8192;

    private StatementShapes() {}

    static void executeStatement(String statement, Integer limit) {
        List<String> violations = new ArrayList<>();
        statement(statement, "statement", violations);
        if (limit != null && limit < 1) {
            violations.add("Value '" + limit + "' at 'limit' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 1");
        }
        raise(violations);
    }

    static void statement(String statement, String member, List<String> violations) {
        if (statement == null) {
            violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        } else if (statement.isEmpty()) {
            violations.add("Value '' at '" + member + "' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        } else if (statement.length() > MAX_STATEMENT_LENGTH) {
            violations.add("Value '" + statement + "' at '" + member + "' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_STATEMENT_LENGTH);
        }
    }

    /**
     * The statements of a batch or a transaction: their number ({@link #listSize}), then each one's text, every text's
     * violation reported together.
     */
    static void statements(int count, IntFunction<String> statement, String member, int max) {
        listSize(count, member, max);
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statement(statement.apply(i), member + "." + (i + 1) + ".member.statement", violations);
        }
        raise(violations);
    }

    /** A list member's size: {@code max} 25 for batches, 100 for transactions. */
    static void listSize(int size, String member, int max) {
        List<String> violations = new ArrayList<>();
        if (size < 1) {
            violations.add("Value '[]' at '" + member + "' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        } else if (size > max) {
            violations.add("Value at '" + member + "' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + max);
        }
        raise(violations);
    }

    static void raise(List<String> violations) {
        if (!violations.isEmpty()) {
            throw EngineErrors.shapeViolations(violations);
        }
    }
}
