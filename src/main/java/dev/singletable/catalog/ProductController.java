package dev.singletable.catalog;

import dev.singletable.web.ApiDocs;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.OkWithETag;
import dev.singletable.web.OnePage;
import dev.singletable.web.PageQuery;
import dev.singletable.web.PageResponse;
import dev.singletable.web.Paging;
import dev.singletable.web.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/products")
@Tag(name = "Products", description = "The catalog: anyone reads it, admins create and change products")
class ProductController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final ProductService products;
    private final Paging paging;

    ProductController(ProductService products, Paging paging) {
        this.products = products;
        this.paging = paging;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @SignedIn
    @Operation(
            summary = "Create a product (admin)",
            description = "The SKU is the product's immutable key; creating an existing SKU is 409.")
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location is the product",
            headers = {
                @Header(
                        name = HttpHeaders.LOCATION,
                        description = "The product's URL",
                        schema = @Schema(type = "string")),
                @Header(
                        name = HttpHeaders.ETAG,
                        description = ApiDocs.ETAG_DESCRIPTION,
                        schema = @Schema(type = "string", example = ApiDocs.ETAG_EXAMPLE))
            },
            content = @Content(schema = @Schema(implementation = ProductResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @ApiResponse(responseCode = "409", ref = ApiDocs.ALREADY_TAKEN)
    public ResponseEntity<ProductResponse> create(
            @Valid @RequestBody CreateProductRequest request, @AuthenticationPrincipal AuthenticatedUser caller) {
        Product created = products.create(caller, request);
        URI location = UriComponentsBuilder.fromPath("/api/products/{sku}")
                .buildAndExpand(created.body().sku())
                .toUri();
        return ResponseEntity.created(location).eTag(created.etag()).body(created.body());
    }

    @GetMapping("/{sku}")
    @Operation(
            summary = "A product",
            description = "Public. The ETag is a digest of this body: it changes whenever the product shown changes, "
                    + "stock and ratings included (If-None-Match answers 304 while it has not); send it as If-Match "
                    + "on PATCH. Review count and average are maintained from the table's stream and are eventually "
                    + "consistent. An eventually consistent read: with singletable.cache.mode=local or dax it may come "
                    + "from the read cache (docs/caching.md).")
    @OkWithETag("The product")
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ResponseEntity<ProductResponse> get(@Parameter(example = "MUG-001") @PathVariable String sku) {
        Product product = products.get(sku);
        return ResponseEntity.ok().eTag(product.etag()).body(product.body());
    }

    @GetMapping
    @Operation(
            summary = "A category's products, in SKU order",
            description = "Public. Paged: pass nextCursor back as ?cursor= until it is null. With "
                    + "singletable.cache.mode=local or dax a page may come from the query cache and lag new or changed "
                    + "products by its TTL (docs/caching.md).")
    @OnePage("One page of products")
    public PageResponse<ProductResponse> byCategory(
            @Parameter(example = "kitchen")
                    @RequestParam
                    @Pattern(regexp = CatalogConstraints.CATEGORY, message = CatalogConstraints.CATEGORY_MESSAGE)
                    String category,
            @Valid @ParameterObject PageQuery page) {
        return paging.page(
                "products/" + category,
                page,
                (limit, start) -> products.byCategory(category, limit, start),
                ProductResponse::of);
    }

    @PatchMapping(
            path = "/{sku}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON})
    @SignedIn
    @Operation(
            summary = "Change a product (admin)",
            description = "A merge patch of price, stock and description: absent fields stay as they are. Send the "
                    + "ETag you read as If-Match.")
    @OkWithETag("The changed product")
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @ApiResponse(responseCode = "412", ref = ApiDocs.PRECONDITION_FAILED)
    @ApiResponse(responseCode = "428", ref = ApiDocs.PRECONDITION_REQUIRED)
    public ResponseEntity<ProductResponse> update(
            @Parameter(example = "MUG-001") @PathVariable String sku,
            @Parameter(description = "The ETag from GET /api/products/{sku}", example = ApiDocs.ETAG_EXAMPLE)
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch,
            @Valid @RequestBody UpdateProductRequest patch,
            @AuthenticationPrincipal AuthenticatedUser caller) {
        Product updated = products.update(caller, sku, ifMatch, patch);
        return ResponseEntity.ok().eTag(updated.etag()).body(updated.body());
    }
}
