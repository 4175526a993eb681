package dev.singletable.catalog;

import dev.singletable.table.Slice;
import dev.singletable.web.ApiException;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.ETags;
import dev.singletable.web.RepresentationTags;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The catalog: admins create and change products, anyone reads them. */
@Service
public class ProductService {

    private final ProductRepository products;
    private final RepresentationTags tags;
    private final Clock clock;

    ProductService(ProductRepository products, RepresentationTags tags, Clock clock) {
        this.products = products;
        this.tags = tags;
        this.clock = clock;
    }

    /** Creates a product (admins only: SecurityConfiguration); 409 when the SKU exists. */
    public Product create(AuthenticatedUser caller, CreateProductRequest request) {
        ProductItem product = ProductItem.withSku(request.sku());
        product.setName(request.name().strip());
        product.setCategory(request.category());
        product.setDescription(request.description());
        product.setPriceCents(request.priceCents());
        product.setStock(request.stock());
        product.setReviewCount(0L);
        product.setRatingTotal(0L);
        product.setCreatedAt(clock.instant());
        try {
            products.create(product);
        } catch (ConditionalCheckFailedException exists) {
            throw ApiException.alreadyTaken(List.of("sku"));
        }
        return product(reread(request.sku()));
    }

    /** The product page: may come from the read cache (ProductRepository#findForDisplay). */
    public Product get(String sku) {
        if (!validSku(sku)) {
            throw unknownProduct(sku);
        }
        return product(products.findForDisplay(sku).orElseThrow(() -> unknownProduct(sku)));
    }

    public Slice<ProductItem> byCategory(String category, int limit, @Nullable Map<String, AttributeValue> startKey) {
        return products.byCategory(category, limit, startKey);
    }

    /**
     * Applies a merge patch if {@code ifMatch} names the product as it is now (its ETag covers the stock and the
     * ratings the stream keeps, not only what a patch changes); admins only (SecurityConfiguration). 404 when unknown,
     * 428 without If-Match, 412 when stale (also when another change wins the race).
     */
    public Product update(AuthenticatedUser caller, String sku, @Nullable String ifMatch, UpdateProductRequest patch) {
        String tag = ETags.requirePresent(ifMatch, "product");
        ProductItem current = existing(sku);
        Product now = product(current);
        ETags.requireCurrent(tag, now.etag(), "product");
        if (patch.priceCents() == null && patch.stock() == null && patch.description() == null) {
            return now;
        }
        ProductItem changes = ProductItem.withSku(sku);
        changes.setVersion(current.getVersion());
        changes.setPriceCents(patch.priceCents());
        changes.setStock(patch.stock());
        changes.setDescription(patch.description());
        try {
            // the version condition catches a patch racing this one; a stream update in between is not a lost update
            return product(products.update(changes));
        } catch (ConditionalCheckFailedException raced) {
            throw ETags.stale("product");
        }
    }

    private Product product(ProductItem item) {
        ProductResponse body = ProductResponse.of(item);
        return new Product(body, tags.of(body));
    }

    /** The product, or 404; a string that cannot be a SKU is not looked up (it might not even fit in a key). */
    private ProductItem existing(String sku) {
        if (!validSku(sku)) {
            throw unknownProduct(sku);
        }
        return products.find(sku).orElseThrow(() -> unknownProduct(sku));
    }

    private ProductItem reread(String sku) {
        return products.find(sku).orElseThrow(() -> new IllegalStateException("product " + sku + " vanished"));
    }

    /** Whether a string can be a SKU at all: anything else names no product (and must not reach a key). */
    public static boolean validSku(String sku) {
        return sku != null && sku.matches(CatalogConstraints.SKU);
    }

    public static ApiException unknownProduct(String sku) {
        return ApiException.notFound("No product " + sku);
    }
}
