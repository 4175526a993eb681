package dev.singletable.reviews;

import dev.singletable.web.ApiDocs;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.OnePage;
import dev.singletable.web.PageQuery;
import dev.singletable.web.PageResponse;
import dev.singletable.web.Paging;
import dev.singletable.web.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products/{sku}/reviews")
@Tag(name = "Reviews", description = "One review per user and product; the product shows their count and average")
class ReviewController {

    private final ReviewService reviews;
    private final Paging paging;

    ReviewController(ReviewService reviews, Paging paging) {
        this.reviews = reviews;
        this.paging = paging;
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @SignedIn
    @Operation(
            summary = "Write your review of a product",
            description = "Your one review of this product: the first PUT creates it (201), later ones replace it "
                    + "(200). The product's reviewCount and averageRating follow from the table's stream, a moment "
                    + "later.")
    @ApiResponse(
            responseCode = "201",
            description = "Your first review of this product",
            content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Your review, replaced",
            content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ResponseEntity<ReviewResponse> write(
            @Parameter(example = "MUG-001") @PathVariable String sku,
            @Valid @RequestBody ReviewRequest request,
            @AuthenticationPrincipal AuthenticatedUser caller) {
        ReviewService.Written written = reviews.write(caller, sku, request);
        return ResponseEntity.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(written.review());
    }

    @GetMapping
    @Operation(
            summary = "A product's reviews, newest first",
            description = "Public. Paged: pass nextCursor back as ?cursor= until it is null.")
    @OnePage("One page of reviews")
    public PageResponse<ReviewResponse> list(
            @Parameter(example = "MUG-001") @PathVariable String sku, @Valid @ParameterObject PageQuery page) {
        return paging.page(
                "reviews/" + sku, page, (limit, start) -> reviews.ofProduct(sku, limit, start), ReviewResponse::of);
    }
}
