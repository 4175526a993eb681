package dev.singletable.catalog;

/** A product as the API returns it, with the version its ETag carries. */
public record Product(ProductResponse body, long version) {

    static Product of(ProductItem item) {
        return new Product(ProductResponse.of(item), item.getVersion());
    }
}
