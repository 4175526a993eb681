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
    static final class PathElement {
        final Token token;
        final boolean index;

        PathElement(Token token, boolean index) {
            this.token = token;
            this.index = index;
        }
    }

    abstract static class Operand {}

    static final class Path extends Operand {
        final List<PathElement> elements;

        Path(List<PathElement> elements) {
            this.elements = elements;
        }
    }

    static final class Value extends Operand {
        final Token token;

        Value(Token token) {
            this.token = token;
        }
    }

    static final class Call extends Operand {
        final Token name;
        final List<Operand> args;

        Call(Token name, List<Operand> args) {
            this.name = name;
            this.args = args;
        }
    }

    /** {@code left + right} or {@code left - right}; only in update SET values. */
    static final class Arithmetic extends Operand {
        final Token operator;
        final Operand left;
        final Operand right;

        Arithmetic(Token operator, Operand left, Operand right) {
            this.operator = operator;
            this.left = left;
            this.right = right;
        }
    }

    static final class Paren extends Operand {
        final Operand inner;

        Paren(Operand inner) {
            this.inner = inner;
        }
    }

    abstract static class Condition {}

    /**
     * What a trial parse returns for a parenthesised condition it has measured before (see {@code Parser.replay}):
     * a trial parse only finds how far an alternative reaches, and its tree is discarded unread.
     */
    static final class Measured extends Condition {}

    /** The operand counterpart of {@link Measured}. */
    static final class MeasuredOperand extends Operand {}

    static final class Comparison extends Condition {
        final Token operator;
        final Operand left;
        final Operand right;

        Comparison(Token operator, Operand left, Operand right) {
            this.operator = operator;
            this.left = left;
            this.right = right;
        }
    }

    static final class Between extends Condition {
        final Token operator;
        final Operand subject;
        final Operand low;
        final Operand high;

        Between(Token operator, Operand subject, Operand low, Operand high) {
            this.operator = operator;
            this.subject = subject;
            this.low = low;
            this.high = high;
        }
    }

    static final class In extends Condition {
        final Token operator;
        final Operand subject;
        final List<Operand> candidates;

        In(Token operator, Operand subject, List<Operand> candidates) {
            this.operator = operator;
            this.subject = subject;
            this.candidates = candidates;
        }
    }

    static final class FunctionCondition extends Condition {
        final Call call;

        FunctionCondition(Call call) {
            this.call = call;
        }
    }

    /** AND or OR. */
    static final class Logical extends Condition {
        final Token operator;
        final Condition left;
        final Condition right;

        Logical(Token operator, Condition left, Condition right) {
            this.operator = operator;
            this.left = left;
            this.right = right;
        }
    }

    static final class Not extends Condition {
        final Token operator;
        final Condition inner;

        Not(Token operator, Condition inner) {
            this.operator = operator;
            this.inner = inner;
        }
    }

    static final class Group extends Condition {
        final Condition inner;

        Group(Condition inner) {
            this.inner = inner;
        }
    }

    /** One action of an update: SET path = value, REMOVE path, ADD path :v or DELETE path :v. */
    static final class Action {
        final TokenType section;
        final Path path;
        /** Null for REMOVE only. */
        final @Nullable Operand value;

        Action(TokenType section, Path path, @Nullable Operand value) {
            this.section = section;
            this.path = path;
            this.value = value;
        }

        /** The value of a SET, ADD or DELETE action: the parser gives each one. */
        Operand operand() {
            return Objects.requireNonNull(value, "REMOVE has no value");
        }
    }

    static final class Update {
        final List<Action> actions;
        /** The first section keyword that repeats an earlier one, or null. */
        final @Nullable Token repeatedSection;

        Update(List<Action> actions, @Nullable Token repeatedSection) {
            this.actions = actions;
            this.repeatedSection = repeatedSection;
        }
    }
}
