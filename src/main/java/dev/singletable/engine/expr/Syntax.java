package dev.singletable.engine.expr;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The syntax tree the parser produces: tokens are kept so that later checks can report names exactly as written.
 * Semantic checks and name resolution turn it into executable nodes.
 */
final class Syntax {

    private Syntax() {}

    /** One element of a document path: an attribute name (ID or #ref) or a list index. */
    record PathElement(Token token, boolean index) {}

    interface Operand {}

    record Path(List<PathElement> elements) implements Operand {}

    record Value(Token token) implements Operand {}

    record Call(Token name, List<Operand> args) implements Operand {}

    /** {@code left + right} or {@code left - right}; only in update SET values. */
    record Arithmetic(Token operator, Operand left, Operand right) implements Operand {}

    record Paren(Operand inner) implements Operand {}

    interface Condition {}

    /**
     * What a trial parse returns for a parenthesised condition it has measured before (see {@code Parser.replay}):
     * a trial parse only finds how far an alternative reaches, and its tree is discarded unread.
     */
    static final class Measured implements Condition {}

    /** The operand counterpart of {@link Measured}. */
    static final class MeasuredOperand implements Operand {}

    record Comparison(Token operator, Operand left, Operand right) implements Condition {}

    record Between(Token operator, Operand subject, Operand low, Operand high) implements Condition {}

    record In(Token operator, Operand subject, List<Operand> candidates) implements Condition {}

    record FunctionCondition(Call call) implements Condition {}

    /** AND or OR. */
    record Logical(Token operator, Condition left, Condition right) implements Condition {}

    record Not(Token operator, Condition inner) implements Condition {}

    record Group(Condition inner) implements Condition {}

    /**
     * One action of an update: SET path = value, REMOVE path, ADD path :v or DELETE path :v.
     *
     * @param value null for REMOVE only
     */
    record Action(TokenType section, Path path, @Nullable Operand value) {

        /** The value of a SET, ADD or DELETE action: the parser gives each one. */
        Operand operand() {
            return Objects.requireNonNull(value, "REMOVE has no value");
        }
    }

    /** @param repeatedSection the first section keyword that repeats an earlier one, or null */
    record Update(List<Action> actions, @Nullable Token repeatedSection) {}
}
