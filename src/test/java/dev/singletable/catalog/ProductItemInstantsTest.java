package dev.singletable.catalog;

import dev.singletable.table.CanonicalInstantAttributes;
import dev.singletable.table.CanonicalInstantConverters;
import org.junit.jupiter.api.Test;

/**
 * A product's {@code createdAt} is read by {@link CanonicalInstantConverters}, not the enhanced client's
 * DateTimeFormatter (every order maps its products: issue 21, docs/benchmarks.md "Service"), and the stored form and
 * the value read do not change: seeded random instants, whole seconds and fractions, stored by the SDK's own converter.
 */
class ProductItemInstantsTest {

    @Test
    void createdAtIsReadByTheCanonicalConverterAndStoredAsBefore() {
        CanonicalInstantAttributes.assertReadCanonicallyAndStoredAsBefore(
                ProductItem.SCHEMA,
                "createdAt",
                (i, at) -> {
                    ProductItem product = ProductItem.withSku("SKU-" + i);
                    product.setName("mug");
                    product.setCreatedAt(at);
                    return product;
                },
                ProductItem::getCreatedAt);
    }
}
