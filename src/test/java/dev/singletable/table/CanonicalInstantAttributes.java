package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The check an item's Instant attribute passes when its schema reads it with {@link CanonicalInstantConverters}: the
 * schema uses that converter, and on 500 seeded instants (whole seconds, milliseconds, nanoseconds) the stored form is
 * the SDK's own converter's and the value read back is the one written.
 */
public final class CanonicalInstantAttributes {

    private CanonicalInstantAttributes() {}

    /**
     * @param item    the i-th item holding the instant in {@code attribute}
     * @param instant the attribute read back from an item
     */
    public static <T> void assertReadCanonicallyAndStoredAsBefore(
            TableSchema<T> schema,
            String attribute,
            BiFunction<Integer, Instant, T> item,
            Function<T, Instant> instant) {
        var canonical = new CanonicalInstantConverters().converterFor(EnhancedType.of(Instant.class));
        assertThat(schema.converterForAttribute(attribute)).isNotNull().hasSameClassAs(canonical);
        var standard = DefaultAttributeConverterProvider.create().converterFor(EnhancedType.of(Instant.class));

        Random random = new Random(20261205);
        for (int i = 0; i < 500; i++) {
            long nanos =
                    switch (i % 3) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000L;
                        default -> random.nextInt(1_000_000_000);
                    };
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), nanos);
            Map<String, AttributeValue> stored = schema.itemToMap(item.apply(i, at), true);
            assertThat(stored.get(attribute)).isEqualTo(standard.transformFrom(at));
            assertThat(instant.apply(schema.mapToItem(stored))).isEqualTo(at);
        }
    }
}
