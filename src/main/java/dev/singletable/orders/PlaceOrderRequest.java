package dev.singletable.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new order: 1 to 25 lines (each line costs two of a transaction's 100 actions). */
public record PlaceOrderRequest(
        @NotNull @NotEmpty @Size(max = 25) List<@NotNull @Valid OrderLineRequest> items) {}
