package dev.singletable.engine.expr;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DynamoDB's first semantic pass, made in text order before any placeholder is resolved: attribute names that are
 * reserved words, unknown function names, functions not allowed in this kind of expression, and functions used
 * in the wrong place (a condition function as an operand, size() as a condition, a nested list_append()).
 * The reserved words are [1]; the functions and where each may appear, [2] and [3].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ReservedWords.html">Reserved words in DynamoDB</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html">Condition and filter expressions, operators, and functions</a>
 * <br>[3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Using update expressions</a>
 */
final class UsageChecker {

    static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");

    /** Where a function call appears. */
    private enum Place {
        CONDITION,
        OPERAND,
        NESTED
    }

    private final String kind;
    private final boolean update;

    private UsageChecker(String kind, boolean update) {
        this.kind = kind;
        this.update = update;
    }

    static void checkCondition(Syntax.Condition condition, String kind) {
        new UsageChecker(kind, false).condition(condition);
    }

    static void checkUpdate(Syntax.Update update, String kind) {
        UsageChecker checker = new UsageChecker(kind, true);
        for (Syntax.Action action : update.actions()) {
            checker.path(action.path());
            if (action.value() != null) {
                checker.operand(action.value(), Place.OPERAND);
            }
        }
        if (update.repeatedSection() != null) {
            throw ExprErrors.invalid(
                    kind,
                    "The \"" + update.repeatedSection().text().toUpperCase(Locale.ROOT)
                            + "\" section can only be used once in an update expression;");
        }
    }

    static void checkPaths(List<Syntax.Path> paths, String kind) {
        UsageChecker checker = new UsageChecker(kind, false);
        for (Syntax.Path p : paths) {
            checker.path(p);
        }
    }

    private void condition(Syntax.Condition c) {
        if (c instanceof Syntax.Comparison) {
            Syntax.Comparison x = (Syntax.Comparison) c;
            operand(x.left(), Place.OPERAND);
            operand(x.right(), Place.OPERAND);
        } else if (c instanceof Syntax.Between) {
            Syntax.Between x = (Syntax.Between) c;
            operand(x.subject(), Place.OPERAND);
            operand(x.low(), Place.OPERAND);
            operand(x.high(), Place.OPERAND);
        } else if (c instanceof Syntax.In) {
            Syntax.In x = (Syntax.In) c;
            operand(x.subject(), Place.OPERAND);
            for (Syntax.Operand o : x.candidates()) {
                operand(o, Place.OPERAND);
            }
        } else if (c instanceof Syntax.FunctionCondition) {
            call(((Syntax.FunctionCondition) c).call(), Place.CONDITION);
        } else if (c instanceof Syntax.Logical) {
            condition(((Syntax.Logical) c).left());
            condition(((Syntax.Logical) c).right());
        } else if (c instanceof Syntax.Not) {
            condition(((Syntax.Not) c).inner());
        } else {
            condition(((Syntax.Group) c).inner());
        }
    }

    private void operand(Syntax.Operand o, Place place) {
        if (o instanceof Syntax.Path) {
            path((Syntax.Path) o);
        } else if (o instanceof Syntax.Paren) {
            operand(((Syntax.Paren) o).inner(), place);
        } else if (o instanceof Syntax.Call) {
            call((Syntax.Call) o, place);
        } else if (o instanceof Syntax.Arithmetic) {
            operand(((Syntax.Arithmetic) o).left(), Place.NESTED);
            operand(((Syntax.Arithmetic) o).right(), Place.NESTED);
        }
    }

    private void call(Syntax.Call call, Place place) {
        String name = call.name().text();
        boolean conditionFunction = CONDITION_FUNCTIONS.contains(name);
        boolean updateFunction = UPDATE_FUNCTIONS.contains(name);
        if (!conditionFunction && !updateFunction && !name.equals("size")) {
            throw ExprErrors.invalid(kind, "Invalid function name; function: " + name);
        }
        if (update && !updateFunction) {
            throw ExprErrors.invalid(kind, "The function is not allowed in an update expression; function: " + name);
        }
        if (!update && updateFunction) {
            throw ExprErrors.invalid(kind, "The function is not allowed in a condition expression; function: " + name);
        }
        boolean misplaced;
        if (update) {
            misplaced = name.equals("list_append") && place == Place.NESTED;
        } else {
            misplaced = conditionFunction != (place == Place.CONDITION);
        }
        if (misplaced) {
            throw ExprErrors.invalid(
                    kind, "The function is not allowed to be used this way in an expression; function: " + name);
        }
        for (Syntax.Operand arg : call.args()) {
            operand(arg, Place.NESTED);
        }
    }

    private void path(Syntax.Path path) {
        for (Syntax.PathElement e : path.elements()) {
            if (e.token().type() == TokenType.ID
                    && ReservedWords.isReserved(e.token().text())) {
                throw ExprErrors.invalid(
                        kind,
                        "Attribute name is a reserved keyword; reserved keyword: "
                                + e.token().text());
            }
        }
    }
}
