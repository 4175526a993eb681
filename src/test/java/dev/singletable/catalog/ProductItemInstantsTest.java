package dev.singletable.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.table.CanonicalInstantConverters;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A product's {@code createdAt} is read by {@link CanonicalInstantConverters}, not the enhanced client's
 * DateTimeFormatter (every order maps its products: issue 21, docs/benchmarks.md "Service"), and the stored form and
 * the value read do not change: seeded random instants, whole seconds and fractions, stored by the SDK's own converter.
 */
class ProductItemInstantsTest {

    @Test
    void createdAtIsReadByTheCanonicalConverterAndStoredAsBefore() {
        var canonical = new CanonicalInstantConverters().converterFor(EnhancedType.of(Instant.class));
        assertThat(ProductItem.SCHEMA.converterForAttribute("createdAt"))
                .isNotNull()
                .hasSameClassAs(canonical);
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
            ProductItem product = ProductItem.withSku("SKU-" + i);
            product.setName("mug");
            product.setCreatedAt(at);
            Map<String, AttributeValue> stored = ProductItem.SCHEMA.itemToMap(product, true);
            assertThat(stored.get("createdAt")).isEqualTo(standard.transformFrom(at));
            assertThat(ProductItem.SCHEMA.mapToItem(stored).getCreatedAt()).isEqualTo(at);
        }
    }
}
