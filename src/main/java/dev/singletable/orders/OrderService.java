package dev.singletable.orders;

import dev.singletable.catalog.ProductItem;
import dev.singletable.catalog.ProductRepository;
import dev.singletable.orders.OrderRepository.IdempotencyRecord;
import dev.singletable.orders.OrderRepository.PlacementRefused;
import dev.singletable.orders.OrderRepository.StoredOrder;
import dev.singletable.table.Slice;
import dev.singletable.table.Ulid;
import dev.singletable.web.ApiException;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Placing orders exactly once, and reading them. */
@Service
public class OrderService {

    static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);
    /** Compiled once: {@code String.matches} compiles its regex on every call (issue 21: per-request work). */
    static final Pattern IDEMPOTENCY_KEY_PATTERN = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final OrderRepository orders;
    private final StatusIndexReader statusIndex;
    private final ProductRepository products;
    private final Clock clock;

    OrderService(OrderRepository orders, StatusIndexReader statusIndex, ProductRepository products, Clock clock) {
        this.orders = orders;
        this.statusIndex = statusIndex;
        this.products = products;
        this.clock = clock;
    }

    /** An order and whether this request created it (false: an idempotent replay). */
    public record Placement(OrderResponse order, boolean created) {}

    /**
     * Places the order once per idempotency key: 400 without a key, 422 for unknown SKUs or a key reused with another
     * body, 409 naming every SKU short of stock.
     */
    public Placement place(AuthenticatedUser caller, @Nullable String idempotencyKey, PlaceOrderRequest request) {
        if (idempotencyKey == null
                || !IDEMPOTENCY_KEY_PATTERN.matcher(idempotencyKey).matches()) {
            throw ApiException.invalidField(
                    "Idempotency-Key",
                    "header is required: 1 to 100 printable ASCII characters, unique per order you mean to place");
        }
        Map<String, Long> quantities = new TreeMap<>();
        request.items().forEach(line -> quantities.merge(line.sku(), (long) line.quantity(), Long::sum));
        String hash = hash(quantities);
        // No read of the idempotency record first: the placement's transaction puts it on attribute_not_exists, so a
        // key used before fails that condition and is answered as a replay below. A new order (nearly every one) saves
        // a strongly consistent GetItem; a replay pays a refused transaction instead (docs/benchmarks.md, "Service").
        List<OrderLine> lines = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        // a consistent GetItem per SKU: one BatchGetItem for an order's two products cost the engine about a fifth more
        // CPU than the two GetItems, and the service's runs could not tell them apart (docs/benchmarks.md, "The
        // writes' CPU")
        quantities.forEach((sku, quantity) -> {
            Optional<ProductItem> product = products.find(sku);
            if (product.isEmpty()) {
                unknown.add(sku);
            } else {
                lines.add(new OrderLine(
                        sku, product.get().getName(), quantity, product.get().getPriceCents()));
            }
        });
        if (!unknown.isEmpty()) {
            // a replay answers as before even if a product has been removed since
            Optional<Placement> replay = replay(caller, idempotencyKey, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
            throw new ApiException(
                    ProblemType.UNPROCESSABLE, "Unknown SKU: " + String.join(", ", unknown), Map.of("skus", unknown));
        }
        long total = lines.stream()
                .mapToLong(line -> line.quantity() * line.priceCents())
                .sum();
        Instant now = clock.instant();
        StoredOrder order = new StoredOrder(Ulid.next(), caller.userId(), OrderStatus.PLACED.name(), total, now, lines);
        try {
            orders.place(order, idempotencyKey, hash, now.plus(IDEMPOTENCY_TTL).getEpochSecond());
        } catch (PlacementRefused refused) {
            // the key was used before (a replay, or a concurrent request with the same key that won): answer as its
            // replay, whatever the stock is now
            if (refused.keyTaken()) {
                return replay(caller, idempotencyKey, hash)
                        .orElseThrow(() -> new IllegalStateException("idempotency record vanished"));
            }
            if (!refused.shortSkus().isEmpty()) {
                throw new ApiException(
                        ProblemType.INSUFFICIENT_STOCK,
                        "Not enough stock for " + String.join(", ", refused.shortSkus()),
                        Map.of("skus", refused.shortSkus()));
            }
            throw new IllegalStateException("placement refused without a failed condition");
        }
        return new Placement(response(order), true);
    }

    private Optional<Placement> replay(AuthenticatedUser caller, String idempotencyKey, String hash) {
        Optional<IdempotencyRecord> record = orders.idempotencyRecord(caller.userId(), idempotencyKey);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        if (!record.get().requestHash().equals(hash)) {
            throw new ApiException(
                    ProblemType.UNPROCESSABLE,
                    "This Idempotency-Key was used for a different order; use a new key for a new order");
        }
        StoredOrder order = orders.find(record.get().orderId())
                .orElseThrow(() -> new IllegalStateException("order of an idempotency record vanished"));
        return Optional.of(new Placement(response(order), false));
    }

    /**
     * The order, for its owner or an admin ({@code seesEveryOrder}: the caller has the ADMIN role); 404 for everyone
     * else (not even its existence is revealed).
     */
    public OrderResponse get(AuthenticatedUser caller, boolean seesEveryOrder, String orderId) {
        StoredOrder order = existing(orderId);
        if (!order.ownerId().equals(caller.userId()) && !seesEveryOrder) {
            throw unknownOrder(orderId);
        }
        return response(order);
    }

    /** Cancels the caller's own order while PLACED or PAID (stock comes back); 404 for others, 409 otherwise. */
    public OrderResponse cancel(AuthenticatedUser caller, String orderId) {
        StoredOrder order = existing(orderId);
        if (!order.ownerId().equals(caller.userId())) {
            throw unknownOrder(orderId);
        }
        return move(order, OrderStatus.CANCELLED, caller.userId());
    }

    /**
     * An admin moves an order along its life (admins only: SecurityConfiguration): 404 when unknown, 409 for a
     * transition the life of an order does not allow or when another change of the same order won the race. A cancel returns the stock.
     */
    public OrderResponse changeStatus(AuthenticatedUser caller, String orderId, OrderStatus to) {
        return move(existing(orderId), to, null);
    }

    private OrderResponse move(StoredOrder order, OrderStatus to, @Nullable String ownerId) {
        OrderStatus from = OrderStatus.valueOf(order.status());
        if (!from.canBecome(to)) {
            throw illegal(from, to);
        }
        if (!orders.transition(order, from, to, ownerId)) {
            StoredOrder now = existing(order.orderId());
            throw new ApiException(
                    ProblemType.ILLEGAL_TRANSITION,
                    "The order changed from " + from + " to " + now.status()
                            + " while this request ran; read it again before changing it",
                    Map.of("currentStatus", now.status()));
        }
        return response(existing(order.orderId()));
    }

    /** The caller's orders, newest first, optionally only those in one status. */
    public Slice<OrderSummary> mine(
            AuthenticatedUser caller,
            @Nullable OrderStatus status,
            int limit,
            @Nullable Map<String, AttributeValue> startKey) {
        return orders.byOwner(caller.userId(), status, limit, startKey);
    }

    /**
     * All orders in one status, newest first, merged from the status index's shards (admins only: SecurityConfiguration).
     */
    public Slice<OrderSummary> byStatus(
            AuthenticatedUser caller, OrderStatus status, int limit, @Nullable Map<String, AttributeValue> startKey) {
        try {
            return statusIndex.page(status, limit, startKey);
        } catch (IllegalArgumentException foreign) {
            throw ApiException.invalidCursor("The cursor is not valid for this query; use nextCursor as returned");
        }
    }

    /** How many shards the status index has: part of a cursor's binding, as a cursor is only valid for that many. */
    public int statusShards() {
        return statusIndex.shardCount();
    }

    private StoredOrder existing(String orderId) {
        if (!Ulid.isValid(orderId)) {
            throw unknownOrder(orderId);
        }
        return orders.find(orderId).orElseThrow(() -> unknownOrder(orderId));
    }

    private static ApiException illegal(OrderStatus from, OrderStatus to) {
        String detail = to == OrderStatus.CANCELLED
                ? "Only a PLACED or PAID order can be cancelled; this one is " + from
                : "An order that is " + from + " cannot become " + to;
        return new ApiException(ProblemType.ILLEGAL_TRANSITION, detail, Map.of("currentStatus", from.name()));
    }

    static OrderResponse response(StoredOrder order) {
        return new OrderResponse(order.orderId(), order.status(), order.totalCents(), order.createdAt(), order.lines());
    }

    static ApiException unknownOrder(String orderId) {
        return ApiException.notFound("No order " + orderId);
    }

    /** The body's meaning, independent of line order and of how quantities of one SKU were split. */
    static String hash(Map<String, Long> quantities) {
        StringBuilder canonical = new StringBuilder();
        quantities.forEach((sku, quantity) ->
                canonical.append(sku).append('=').append(quantity).append('\n'));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
