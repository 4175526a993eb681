package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.value.AttributeValues;
import dev.singletable.engine.value.Numbers;
import dev.singletable.engine.value.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The operand kinds: paths, constants, size() and the update-only functions and arithmetic.
 * size() is one of the functions of [1]; if_not_exists, list_append and + / - belong to SET [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html">Condition and filter expressions, operators, and functions</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Using update expressions</a>
 */
final class Operands {

    private Operands() {}

    /** A document path; {@link #path()} is its component, which {@link Operand#path()} asks for. */
    record PathOperand(DocPath path) implements Operand {
        @Override
        public @Nullable AttributeValue eval(Map<String, AttributeValue> item) {
            return path.get(item);
        }
    }

    static final class Constant implements Operand {
        final AttributeValue value;
        private final ValueType type;

        Constant(AttributeValue value) {
            this.value = value;
            this.type = AttributeValues.typeOf(value);
        }

        @Override
        public AttributeValue eval(Map<String, AttributeValue> item) {
            return value;
        }

        @Override
        public ValueType staticType() {
            return type;
        }
    }

    /** size(): string length, binary length, or number of elements; undefined (null) for other types. */
    record Size(Operand arg) implements Operand {
        @Override
        public @Nullable AttributeValue eval(Map<String, AttributeValue> item) {
            AttributeValue v = arg.eval(item);
            if (v == null) {
                return null;
            }
            long size;
            if (v.s() != null) {
                size = v.s().length();
            } else if (v.b() != null) {
                size = v.b().asByteArrayUnsafe().length;
            } else if (v.hasSs()) {
                size = v.ss().size();
            } else if (v.hasNs()) {
                size = v.ns().size();
            } else if (v.hasBs()) {
                size = v.bs().size();
            } else if (v.hasL()) {
                size = v.l().size();
            } else if (v.hasM()) {
                size = v.m().size();
            } else {
                return null;
            }
            return AttributeValue.fromN(Long.toString(size));
        }

        @Override
        public ValueType staticType() {
            return ValueType.N;
        }
    }

    /** if_not_exists(path, fallback): the value at path, or the fallback when the path has none. */
    record IfNotExists(Operand attribute, Operand fallback) implements Operand {
        @Override
        public @Nullable AttributeValue eval(Map<String, AttributeValue> item) {
            AttributeValue v = attribute.eval(item);
            return v != null ? v : fallback.eval(item);
        }
    }

    /** list_append(a, b): the elements of list a followed by those of list b. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public AttributeValue eval(Map<String, AttributeValue> item) {
            AttributeValue a = required(first, item);
            AttributeValue b = required(second, item);
            if (!a.hasL() || !b.hasL()) {
                throw EngineErrors.validation(ExprErrors.WRONG_OPERAND_TYPE);
            }
            List<AttributeValue> joined = new ArrayList<>(a.l().size() + b.l().size());
            joined.addAll(a.l());
            joined.addAll(b.l());
            return AttributeValue.fromL(joined);
        }

        @Override
        public ValueType staticType() {
            return ValueType.L;
        }
    }

    /** a + b or a - b on numbers, exact. */
    record Arithmetic(boolean plus, Operand left, Operand right) implements Operand {
        @Override
        public AttributeValue eval(Map<String, AttributeValue> item) {
            AttributeValue a = required(left, item);
            AttributeValue b = required(right, item);
            if (a.n() == null || b.n() == null) {
                throw EngineErrors.validation(ExprErrors.WRONG_OPERAND_TYPE);
            }
            return AttributeValue.fromN(plus ? Numbers.add(a.n(), b.n()) : Numbers.subtract(a.n(), b.n()));
        }

        @Override
        public ValueType staticType() {
            return ValueType.N;
        }
    }

    /** Evaluates an operand of an update value, which must exist. */
    static AttributeValue required(Operand operand, Map<String, AttributeValue> item) {
        AttributeValue v = operand.eval(item);
        if (v == null) {
            throw EngineErrors.validation(ExprErrors.NOT_IN_ITEM);
        }
        return v;
    }
}
