package dev.singletable.orders;

import dev.singletable.web.ApiDocs;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.Roles;
import dev.singletable.web.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@Tag(name = "Orders", description = "Placing orders exactly once, and reading them")
class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping(path = "/api/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SignedIn
    @Operation(
            summary = "Place an order",
            description = "One transaction decrements each product's stock on the condition that enough is left, "
                    + "writes the order and its lines, and records the Idempotency-Key for 24 hours. The same key "
                    + "with the same body answers the same order (200); with another body, 422.")
    @ApiResponse(
            responseCode = "201",
            description = "Placed; Location is the order",
            headers =
                    @Header(
                            name = HttpHeaders.LOCATION,
                            description = "The order's URL",
                            schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Already placed with this Idempotency-Key and body",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(
            responseCode = "409",
            description = "Not enough stock; `skus` names every short SKU",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON))
    @ApiResponse(
            responseCode = "422",
            description = "Unknown SKU (`skus`), or the key was used for another body",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON))
    public ResponseEntity<OrderResponse> place(
            @Parameter(
                            description = "A key you choose per order, e.g. a UUID; retries reuse it",
                            example = "5f0c7e52-8d1e-4c1b-9a57-2f4a4d0f3b11")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Nullable
                    String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request,
            @AuthenticationPrincipal AuthenticatedUser caller) {
        OrderService.Placement placement = orders.place(caller, idempotencyKey, request);
        URI location = UriComponentsBuilder.fromPath("/api/orders/{id}")
                .buildAndExpand(placement.order().id())
                .toUri();
        if (!placement.created()) {
            return ResponseEntity.ok().location(location).body(placement.order());
        }
        return ResponseEntity.created(location).body(placement.order());
    }

    @GetMapping("/api/orders/{id}")
    @SignedIn
    @Operation(summary = "An order", description = "Its owner's or an admin's; anyone else gets 404.")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public OrderResponse get(
            @Parameter(example = "01JD4X7R2M8Q9B3C5V6N7P8K9T") @PathVariable String id,
            @AuthenticationPrincipal AuthenticatedUser caller,
            HttpServletRequest request) {
        // the servlet API's view of Spring Security's authorities: ROLE_ADMIN, granted from the admin item
        return orders.get(caller, request.isUserInRole(Roles.ADMIN), id);
    }

    @PostMapping("/api/orders/{id}/cancel")
    @SignedIn
    @Operation(
            summary = "Cancel your order",
            description = "While PLACED or PAID: the status flips to CANCELLED and the stock comes back, in one "
                    + "transaction conditioned on the current status.")
    @ApiResponse(responseCode = "200", description = "The cancelled order")
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @ApiResponse(
            responseCode = "409",
            description = "The order is no longer PLACED or PAID",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON))
    public OrderResponse cancel(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser caller) {
        return orders.cancel(caller, id);
    }

    @PatchMapping(path = "/api/orders/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SignedIn
    @Operation(
            summary = "Move an order along its life (admin)",
            description = "PLACED → PAID → SHIPPED → DELIVERED; CANCELLED from PLACED or PAID (the stock comes back). "
                    + "The change is conditioned on the status it was decided on, so of two racing changes only one "
                    + "wins; the other gets 409 with the current `status`.")
    @ApiResponse(responseCode = "200", description = "The order in its new status")
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @ApiResponse(
            responseCode = "409",
            description = "Not a legal transition from the current `status`",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON))
    public OrderResponse changeStatus(
            @Parameter(example = "01JD4X7R2M8Q9B3C5V6N7P8K9T") @PathVariable String id,
            @Valid @RequestBody ChangeStatusRequest request,
            @AuthenticationPrincipal AuthenticatedUser caller) {
        return orders.changeStatus(caller, id, OrderStatus.valueOf(request.status()));
    }
}
