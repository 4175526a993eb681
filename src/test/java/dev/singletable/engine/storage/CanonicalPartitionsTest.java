package dev.singletable.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Keys of one partition share one partition instance, but only where sharing cannot change a value given back. */
class CanonicalPartitionsTest {

    @Test
    void keysOfOnePartitionShareItsInstance() {
        PrimaryKey a = PrimaryKey.of(KeyValue.ofString("USER#01JD4WZ8X3M2K7Q9R5T1V6B8NC"), KeyValue.ofString("A"));
        PrimaryKey b = PrimaryKey.of(KeyValue.ofString("USER#01JD4WZ8X3M2K7Q9R5T1V6B8NC"), KeyValue.ofString("B"));
        IndexKey c = IndexKey.lowest(KeyValue.ofString("USER#01JD4WZ8X3M2K7Q9R5T1V6B8NC"), KeyValue.MIN);
        assertThat(b.partition()).isSameAs(a.partition());
        assertThat(c.partition()).isSameAs(a.partition());
        assertThat(a.compareTo(b)).isNegative();
        assertThat(c.compareTo(IndexKey.of(a.partition(), KeyValue.ofString("A"), a)))
                .isNegative();
    }

    @Test
    void numbersAndStringsWithSurrogatesKeepTheirOwnValue() {
        KeyValue one = KeyValue.of(ScalarAttributeType.N, AttributeValue.fromN("1.0"));
        KeyValue other = KeyValue.of(ScalarAttributeType.N, AttributeValue.fromN("1"));
        assertThat(PrimaryKey.of(one, KeyValue.NONE).partition()).isSameAs(one);
        assertThat(PrimaryKey.of(other, KeyValue.NONE).partition()).isSameAs(other);
        KeyValue lone = KeyValue.ofString("a\uD800");
        PrimaryKey.of(KeyValue.ofString("a\uDC00"), KeyValue.NONE);
        assertThat(PrimaryKey.of(lone, KeyValue.NONE).partition().value()).isEqualTo(AttributeValue.fromS("a\uD800"));
    }

    @Test
    void aBinaryIsNotSharedWithTheStringOfItsBytes() {
        KeyValue string =
                PrimaryKey.of(KeyValue.ofString("same"), KeyValue.NONE).partition();
        KeyValue binary = PrimaryKey.of(
                        KeyValue.of(ScalarAttributeType.B, AttributeValue.fromB(SdkBytes.fromUtf8String("same"))),
                        KeyValue.NONE)
                .partition();
        assertThat(binary).isNotSameAs(string);
        assertThat(binary.value()).isEqualTo(AttributeValue.fromB(SdkBytes.fromUtf8String("same")));
        assertThat(PrimaryKey.of(KeyValue.ofString("same"), KeyValue.NONE)
                        .partition()
                        .value())
                .isEqualTo(AttributeValue.fromS("same"));
    }
}
