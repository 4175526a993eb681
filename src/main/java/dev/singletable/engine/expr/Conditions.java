package dev.singletable.engine.expr;

import dev.singletable.engine.value.AttributeValues;
import dev.singletable.engine.value.Numbers;
import dev.singletable.engine.value.ValueType;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The executable condition kinds. Evaluation never fails: a missing attribute or a type mismatch makes a
 * comparison false (and its negation true), as in DynamoDB.
 * The comparators, BETWEEN, IN, the functions and the logical operators follow [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html">Condition and filter expressions, operators, and functions</a>
 */
final class Conditions {

    private Conditions() {}

    enum Comparator {
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE
    }

    record Compare(Comparator op, Operand left, Operand right) implements ConditionExpr {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue a = left.eval(item);
            AttributeValue b = right.eval(item);
            if (op == Comparator.EQ) {
                return a != null && b != null && AttributeValues.equal(a, b);
            }
            if (op == Comparator.NE) {
                return a == null || b == null || !AttributeValues.equal(a, b);
            }
            if (a == null || b == null || !comparable(a, b)) {
                return false;
            }
            int c = AttributeValues.compare(a, b);
            switch (op) {
                case LT:
                    return c < 0;
                case LE:
                    return c <= 0;
                case GT:
                    return c > 0;
                default:
                    return c >= 0;
            }
        }
    }

    /** Both of the same ordered type (S, N or B). */
    static boolean comparable(AttributeValue a, AttributeValue b) {
        return (a.s() != null && b.s() != null) || (a.n() != null && b.n() != null) || (a.b() != null && b.b() != null);
    }

    record Between(Operand subject, Operand low, Operand high) implements ConditionExpr {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue x = subject.eval(item);
            AttributeValue lo = low.eval(item);
            AttributeValue hi = high.eval(item);
            return x != null
                    && lo != null
                    && hi != null
                    && comparable(x, lo)
                    && comparable(x, hi)
                    && AttributeValues.compare(lo, x) <= 0
                    && AttributeValues.compare(x, hi) <= 0;
        }
    }

    record In(Operand subject, List<Operand> candidates) implements ConditionExpr {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue x = subject.eval(item);
            if (x == null) {
                return false;
            }
            for (Operand c : candidates) {
                AttributeValue v = c.eval(item);
                if (v != null && AttributeValues.equal(x, v)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Exists(Operand path, boolean expected) implements ConditionExpr {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return (path.eval(item) != null) == expected;
        }
    }

    record TypeIs(Operand subject, Operand typeName) implements ConditionExpr {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = subject.eval(item);
            AttributeValue t = typeName.eval(item);
            return v != null
                    && t != null
                    && t.s() != null
                    && AttributeValues.typeOf(v).name().equals(t.s());
        }
    }

    record BeginsWith(Operand subject, Operand prefix) implements ConditionExpr {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue v = subject.eval(item);
            AttributeValue p = prefix.eval(item);
            if (v == null || p == null) {
                return false;
            }
            if (v.s() != null && p.s() != null) {
                return v.s().startsWith(p.s());
            }
            if (v.b() != null && p.b() != null) {
                return startsWith(v.b().asByteArrayUnsafe(), p.b().asByteArrayUnsafe());
            }
            return false;
        }

        static boolean startsWith(byte[] v, byte[] p) {
            if (p.length > v.length) {
                return false;
            }
            for (int i = 0; i < p.length; i++) {
                if (v[i] != p[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** contains(): substring, byte subsequence, set membership or list element. */
    record Contains(Operand container, Operand element) implements ConditionExpr {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            AttributeValue c = container.eval(item);
            AttributeValue e = element.eval(item);
            if (c == null || e == null) {
                return false;
            }
            if (c.s() != null) {
                return e.s() != null && c.s().contains(e.s());
            }
            if (c.b() != null) {
                return e.b() != null && indexOf(c.b().asByteArrayUnsafe(), e.b().asByteArrayUnsafe()) >= 0;
            }
            if (c.hasSs()) {
                return e.s() != null && c.ss().contains(e.s());
            }
            if (c.hasNs()) {
                if (e.n() == null) {
                    return false;
                }
                for (String n : c.ns()) {
                    if (Numbers.compare(n, e.n()) == 0) {
                        return true;
                    }
                }
                return false;
            }
            if (c.hasBs()) {
                if (e.b() == null) {
                    return false;
                }
                for (SdkBytes b : c.bs()) {
                    if (b.equals(e.b())) {
                        return true;
                    }
                }
                return false;
            }
            if (c.hasL()) {
                for (AttributeValue x : c.l()) {
                    if (AttributeValues.equal(x, e)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    record And(ConditionExpr left, ConditionExpr right) implements ConditionExpr {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(ConditionExpr left, ConditionExpr right) implements ConditionExpr {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(ConditionExpr inner) implements ConditionExpr {
        @Override
        public boolean test(Map<String, AttributeValue> item) {
            return !inner.test(item);
        }
    }

    /** The type names attribute_type() accepts. */
    static boolean isTypeName(String s) {
        for (ValueType t : ValueType.values()) {
            if (t.name().equals(s)) {
                return true;
            }
        }
        return false;
    }
}
