package dev.singletable.orders;

import dev.singletable.web.ApiDocs;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.OnePage;
import dev.singletable.web.PageQuery;
import dev.singletable.web.PageResponse;
import dev.singletable.web.Paging;
import dev.singletable.web.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders", description = "Placing orders exactly once, and reading them")
class OrderListController {

    private static final String STATUS_MESSAGE = "must be one of " + OrderStatus.PATTERN;

    private final OrderService orders;
    private final Paging paging;

    OrderListController(OrderService orders, Paging paging) {
        this.orders = orders;
        this.paging = paging;
    }

    @GetMapping("/api/users/me/orders")
    @SignedIn
    @Operation(
            summary = "Your orders, newest first",
            description = "Paged: pass nextCursor back as ?cursor= until it is null. With ?status= only the orders "
                    + "in that status. Read from an index: an order placed a moment ago may take a moment to appear.")
    @OnePage("One page of your orders (without their lines)")
    public PageResponse<OrderSummary> mine(
            @Parameter(
                            description = "Only orders in this status",
                            schema = @Schema(allowableValues = {"PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"}))
                    @RequestParam(required = false)
                    @Pattern(regexp = OrderStatus.PATTERN, message = STATUS_MESSAGE)
                    @Nullable
                    String status,
            @Valid @ParameterObject PageQuery page,
            @AuthenticationPrincipal AuthenticatedUser caller) {
        OrderStatus only = status == null ? null : OrderStatus.valueOf(status);
        String binding = "me/orders/" + caller.userId() + "/" + (only == null ? "ALL" : only.name());
        return paging.page(binding, page, (limit, start) -> orders.mine(caller, only, limit, start), o -> o);
    }

    @GetMapping("/api/admin/orders")
    @SignedIn
    @Operation(
            summary = "All orders in one status, newest first (admin)",
            description = "Read from a status index sharded over several partition keys (so one status is not a hot "
                    + "partition) and merged: each page holds the newest orders across all shards, and following "
                    + "nextCursor returns every order once.")
    @OnePage("One page of orders (without their lines)")
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public PageResponse<OrderSummary> byStatus(
            @Parameter(schema = @Schema(allowableValues = {"PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"}))
                    @RequestParam
                    @Pattern(regexp = OrderStatus.PATTERN, message = STATUS_MESSAGE)
                    String status,
            @Valid @ParameterObject PageQuery page,
            @AuthenticationPrincipal AuthenticatedUser caller) {
        OrderStatus wanted = OrderStatus.valueOf(status);
        String binding = "admin/orders/" + wanted.name() + "/" + orders.statusShards();
        return paging.page(binding, page, (limit, start) -> orders.byStatus(caller, wanted, limit, start), o -> o);
    }
}
