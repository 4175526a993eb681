package dev.singletable.orders;

import dev.singletable.admin.AdminAccess;
import dev.singletable.catalog.ProductItem;
import dev.singletable.catalog.ProductRepository;
import dev.singletable.orders.OrderRepository.IdempotencyRecord;
import dev.singletable.orders.OrderRepository.PlacementRefused;
import dev.singletable.orders.OrderRepository.StoredOrder;
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
import org.springframework.stereotype.Service;

/** Placing orders exactly once, and reading them. */
@Service
public class OrderService {

    static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);
    static final String IDEMPOTENCY_KEY_PATTERN = "[\\x21-\\x7E]{1,100}";

    private final OrderRepository orders;
    private final ProductRepository products;
    private final AdminAccess admins;
    private final Clock clock;

    public OrderService(OrderRepository orders, ProductRepository products, AdminAccess admins, Clock clock) {
        this.orders = orders;
        this.products = products;
        this.admins = admins;
        this.clock = clock;
    }

    /** An order and whether this request created it (false: an idempotent replay). */
    public record Placement(OrderResponse order, boolean created) {
    }

    /**
     * Places the order once per idempotency key: 400 without a key, 422 for unknown SKUs or a key reused with another
     * body, 409 naming every SKU short of stock.
     */
    public Placement place(AuthenticatedUser caller, String idempotencyKey, PlaceOrderRequest request) {
        if (idempotencyKey == null || !idempotencyKey.matches(IDEMPOTENCY_KEY_PATTERN)) {
            throw ApiException.invalidField("Idempotency-Key",
                    "header is required: 1 to 100 printable ASCII characters, unique per order you mean to place");
        }
        Map<String, Long> quantities = new TreeMap<>();
        request.items().forEach(line -> quantities.merge(line.sku(), (long) line.quantity(), Long::sum));
        String hash = hash(quantities);
        Optional<Placement> replay = replay(caller, idempotencyKey, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        List<OrderLine> lines = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        quantities.forEach((sku, quantity) -> {
            Optional<ProductItem> product = products.find(sku);
            if (product.isEmpty()) {
                unknown.add(sku);
            } else {
                lines.add(new OrderLine(sku, product.get().getName(), quantity, product.get().getPriceCents()));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "Unknown SKU: " + String.join(", ", unknown),
                    Map.of("skus", unknown));
        }
        long total = lines.stream().mapToLong(line -> line.quantity() * line.priceCents()).sum();
        Instant now = clock.instant();
        StoredOrder order = new StoredOrder(Ulid.next(), caller.userId(), OrderStatus.PLACED.name(), total, now, lines);
        try {
            orders.place(order, idempotencyKey, hash, now.plus(IDEMPOTENCY_TTL).getEpochSecond());
        } catch (PlacementRefused refused) {
            if (!refused.shortSkus().isEmpty()) {
                throw new ApiException(ProblemType.INSUFFICIENT_STOCK,
                        "Not enough stock for " + String.join(", ", refused.shortSkus()),
                        Map.of("skus", refused.shortSkus()));
            }
            // A concurrent request with the same key won: answer as its replay.
            return replay(caller, idempotencyKey, hash)
                    .orElseThrow(() -> new IllegalStateException("idempotency record vanished"));
        }
        return new Placement(response(order), true);
    }

    private Optional<Placement> replay(AuthenticatedUser caller, String idempotencyKey, String hash) {
        Optional<IdempotencyRecord> record = orders.idempotencyRecord(caller.userId(), idempotencyKey);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        if (!record.get().requestHash().equals(hash)) {
            throw new ApiException(ProblemType.UNPROCESSABLE,
                    "This Idempotency-Key was used for a different order; use a new key for a new order");
        }
        StoredOrder order = orders.find(record.get().orderId())
                .orElseThrow(() -> new IllegalStateException("order of an idempotency record vanished"));
        return Optional.of(new Placement(response(order), false));
    }

    /** The order, for its owner or an admin; 404 for everyone else (not even its existence is revealed). */
    public OrderResponse get(AuthenticatedUser caller, String orderId) {
        if (!Ulid.isValid(orderId)) {
            throw unknownOrder(orderId);
        }
        StoredOrder order = orders.find(orderId).orElseThrow(() -> unknownOrder(orderId));
        if (!order.ownerId().equals(caller.userId()) && !admins.isAdmin(caller)) {
            throw unknownOrder(orderId);
        }
        return response(order);
    }

    /** Cancels the caller's own order while PLACED or PAID (stock comes back); 404 for others, 409 otherwise. */
    public OrderResponse cancel(AuthenticatedUser caller, String orderId) {
        if (!Ulid.isValid(orderId)) {
            throw unknownOrder(orderId);
        }
        StoredOrder order = orders.find(orderId).orElseThrow(() -> unknownOrder(orderId));
        if (!order.ownerId().equals(caller.userId())) {
            throw unknownOrder(orderId);
        }
        if (!orders.cancel(order)) {
            throw new ApiException(ProblemType.ILLEGAL_TRANSITION,
                    "Only a PLACED or PAID order can be cancelled");
        }
        return response(orders.find(orderId).orElseThrow(() -> unknownOrder(orderId)));
    }

    static OrderResponse response(StoredOrder order) {
        return new OrderResponse(order.orderId(), order.status(), order.totalCents(), order.createdAt(),
                order.lines());
    }

    static ApiException unknownOrder(String orderId) {
        return ApiException.notFound("No order " + orderId);
    }

    /** The body's meaning, independent of line order and of how quantities of one SKU were split. */
    static String hash(Map<String, Long> quantities) {
        StringBuilder canonical = new StringBuilder();
        quantities.forEach((sku, quantity) -> canonical.append(sku).append('=').append(quantity).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
