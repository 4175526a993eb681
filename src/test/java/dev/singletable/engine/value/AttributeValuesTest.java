package dev.singletable.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeValuesTest {

    private static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }

    private static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    private static AttributeValue b(int... bytes) {
        byte[] a = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            a[i] = (byte) bytes[i];
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(a));
    }

    @Test
    void typeOfNamesTheSingleType() {
        assertThat(AttributeValues.typeOf(s("x"))).isEqualTo(ValueType.S);
        assertThat(AttributeValues.typeOf(n("1"))).isEqualTo(ValueType.N);
        assertThat(AttributeValues.typeOf(AttributeValue.fromBool(false))).isEqualTo(ValueType.BOOL);
        assertThat(AttributeValues.typeOf(AttributeValue.fromNul(true))).isEqualTo(ValueType.NULL);
        assertThat(AttributeValues.typeOf(AttributeValue.fromM(Map.of()))).isEqualTo(ValueType.M);
        assertThat(AttributeValues.typeOf(AttributeValue.fromL(List.of()))).isEqualTo(ValueType.L);
        assertThat(AttributeValues.typeOf(AttributeValue.fromSs(List.of("a")))).isEqualTo(ValueType.SS);
        assertThat(AttributeValues.typeOf(AttributeValue.fromNs(List.of("1")))).isEqualTo(ValueType.NS);
        assertThatThrownBy(() -> AttributeValues.typeOf(AttributeValue.builder().build()))
                .hasMessageStartingWith(
                        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertThatThrownBy(() -> AttributeValues.typeOf(
                        AttributeValue.builder().s("a").n("1").build()))
                .hasMessageStartingWith("Supplied AttributeValue has more than one datatypes set, must contain "
                        + "exactly one of the supported datatypes");
    }

    @Test
    void normalizeCanonicalisesNumbersEverywhere() {
        Map<String, AttributeValue> inner = new LinkedHashMap<>();
        inner.put("x", n("01.50"));
        inner.put("y", AttributeValue.fromNs(List.of("1.0", "2")));
        AttributeValue v = AttributeValue.fromL(List.of(n("1e2"), AttributeValue.fromM(inner), s("keep")));
        AttributeValue out = AttributeValues.normalize(v);
        assertThat(out.l().get(0).n()).isEqualTo("100");
        assertThat(out.l().get(1).m().get("x").n()).isEqualTo("1.5");
        assertThat(out.l().get(1).m().get("y").ns()).containsExactly("1", "2");
        assertThat(out.l().get(2).s()).isEqualTo("keep");
    }

    @Test
    void normalizeReturnsTheSameInstanceWhenNothingChanges() {
        AttributeValue v = AttributeValue.fromM(Map.of("a", n("1"), "b", AttributeValue.fromL(List.of(s("x")))));
        assertThat(AttributeValues.normalize(v)).isSameAs(v);
        Map<String, AttributeValue> item = Map.of("a", n("1"));
        assertThat(AttributeValues.normalizeItem(item)).isSameAs(item);
        assertThat(AttributeValues.normalizeItem(Map.of("a", n("1.0")))).isEqualTo(Map.of("a", n("1")));
    }

    @Test
    void normalizeRejectsInvalidValuesWithDynamoDbMessages() {
        assertMessage(
                AttributeValue.builder().build(),
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertMessage(
                AttributeValue.builder().s("a").bool(true).build(),
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        assertMessage(
                AttributeValue.builder().s("a").n("x").build(),
                "The parameter cannot be converted to a numeric value: x");
        assertMessage(
                AttributeValue.fromNul(false),
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
        assertMessage(
                AttributeValue.fromSs(List.of()),
                "One or more parameter values were invalid: An string set  may not be empty");
        assertMessage(
                AttributeValue.fromNs(List.of()),
                "One or more parameter values were invalid: An number set  may not be empty");
        assertMessage(
                AttributeValue.fromBs(List.of()),
                "One or more parameter values were invalid: Binary sets should not be empty");
        assertMessage(
                AttributeValue.fromSs(List.of("a", "b", "a")),
                "One or more parameter values were invalid: Input collection [a, b, a] contains duplicates.");
        assertMessage(AttributeValue.fromNs(List.of("1", "1.0")), "Input collection contains duplicates");
        assertMessage(
                AttributeValue.fromNs(List.of("1", "x")), "The parameter cannot be converted to a numeric value: x");
        assertMessage(
                AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("b"), SdkBytes.fromUtf8String("b"))),
                "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.");
        assertMessage(
                AttributeValue.fromM(Map.of("a", AttributeValue.builder().build())),
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertMessage(
                AttributeValue.fromL(List.of(AttributeValue.fromSs(List.of()))),
                "One or more parameter values were invalid: An string set  may not be empty");
        assertMessage(AttributeValue.fromM(Map.of("", s("x"))), "Empty attribute name");
    }

    @Test
    void emptyStringsAndBinariesAreFineOutsideKeys() {
        assertThat(AttributeValues.normalize(s(""))).isEqualTo(s(""));
        assertThat(AttributeValues.normalize(AttributeValue.fromSs(List.of(""))))
                .isNotNull();
        assertThat(AttributeValues.normalize(b())).isEqualTo(b());
    }

    @Test
    void nestingIsLimitedTo31ContainersBelowTheAttribute() {
        assertThat(AttributeValues.normalize(nested(31))).isNotNull();
        assertThatThrownBy(() -> AttributeValues.normalize(nested(32)))
                .hasMessageStartingWith(
                        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
    }

    private static AttributeValue nested(int containers) {
        AttributeValue v = s("x");
        for (int i = 0; i < containers; i++) {
            v = i % 2 == 0 ? AttributeValue.fromM(Map.of("a", v)) : AttributeValue.fromL(List.of(v));
        }
        return v;
    }

    @Test
    void equalityFollowsDynamoDb() {
        assertThat(AttributeValues.equal(n("1"), n("1.0"))).isTrue();
        assertThat(AttributeValues.equal(n("1"), s("1"))).isFalse();
        assertThat(AttributeValues.equal(
                        AttributeValue.fromSs(List.of("a", "b")), AttributeValue.fromSs(List.of("b", "a"))))
                .isTrue();
        assertThat(AttributeValues.equal(AttributeValue.fromSs(List.of("a", "b")), AttributeValue.fromSs(List.of("a"))))
                .isFalse();
        assertThat(AttributeValues.equal(
                        AttributeValue.fromNs(List.of("1", "2")), AttributeValue.fromNs(List.of("2.0", "1"))))
                .isTrue();
        assertThat(AttributeValues.equal(
                        AttributeValue.fromL(List.of(n("1"), s("a"))), AttributeValue.fromL(List.of(n("1"), s("a")))))
                .isTrue();
        assertThat(AttributeValues.equal(
                        AttributeValue.fromL(List.of(n("1"), s("a"))), AttributeValue.fromL(List.of(s("a"), n("1")))))
                .isFalse();
        assertThat(AttributeValues.equal(
                        AttributeValue.fromM(Map.of("a", n("1"))), AttributeValue.fromM(Map.of("a", n("1.00")))))
                .isTrue();
        assertThat(AttributeValues.equal(AttributeValue.fromNul(true), AttributeValue.fromNul(true)))
                .isTrue();
        assertThat(AttributeValues.equal(b(1, 2), b(1, 2))).isTrue();
    }

    @Test
    void compareOrdersScalars() {
        assertThat(AttributeValues.compare(s("a"), s("b"))).isNegative();
        assertThat(AttributeValues.compare(s("ab"), s("a"))).isPositive();
        // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (4 bytes, F0 ...) although its UTF-16 unit is larger
        assertThat(AttributeValues.compare(s("\uff5e"), s("\ud83d\ude00"))).isNegative();
        assertThat(AttributeValues.compare(n("9"), n("10"))).isNegative();
        assertThat(AttributeValues.compare(b(0x7f), b(0x80))).isNegative();
        assertThat(AttributeValues.compare(b(1), b(1, 0))).isNegative();
    }

    @Test
    void sizesFollowDynamoDbRules() {
        assertThat(AttributeValues.attributeSize("ab", s("héllo"))).isEqualTo(2 + 6);
        assertThat(AttributeValues.attributeSize("a", b(1, 2, 3))).isEqualTo(4);
        assertThat(AttributeValues.attributeSize("a", AttributeValue.fromBool(true)))
                .isEqualTo(2);
        assertThat(AttributeValues.attributeSize("a", AttributeValue.fromNul(true)))
                .isEqualTo(2);
        assertThat(AttributeValues.attributeSize("", n("0"))).isEqualTo(1);
        assertThat(AttributeValues.attributeSize("", n("1"))).isEqualTo(2);
        assertThat(AttributeValues.attributeSize("", n("12345"))).isEqualTo(4);
        assertThat(AttributeValues.attributeSize("", n("1234"))).isEqualTo(3);
        assertThat(AttributeValues.attributeSize("", n("100"))).isEqualTo(2);
        assertThat(AttributeValues.attributeSize("", n("1.5"))).isEqualTo(3);
        assertThat(AttributeValues.attributeSize("", n("-1"))).isEqualTo(3);
        assertThat(AttributeValues.attributeSize("", n("0.005"))).isEqualTo(2);
        assertThat(AttributeValues.attributeSize("", n("1234567890123456789012345678901234567.8")))
                .isEqualTo(21);
        assertThat(AttributeValues.attributeSize("m", AttributeValue.fromM(Map.of("ab", s("xyz")))))
                .isEqualTo(1 + 3 + 2 + 3 + 1);
        assertThat(AttributeValues.attributeSize("l", AttributeValue.fromL(List.of(s("xyz"), n("1")))))
                .isEqualTo(1 + 3 + 4 + 3);
        assertThat(AttributeValues.attributeSize("s", AttributeValue.fromSs(List.of("ab", "c"))))
                .isEqualTo(4);
        assertThat(AttributeValues.attributeSize("s", AttributeValue.fromNs(List.of("1", "22"))))
                .isEqualTo(5);
        assertThat(AttributeValues.itemSize(Map.of("a", s("x"), "bb", n("7")))).isEqualTo(2 + 4);
    }

    private static void assertMessage(AttributeValue v, String message) {
        assertThatThrownBy(() -> AttributeValues.normalize(v)).hasMessageStartingWith(message + " (Service");
    }
}
