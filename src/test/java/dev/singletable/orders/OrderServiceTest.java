package dev.singletable.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.singletable.catalog.ProductItem;
import dev.singletable.catalog.ProductRepository;
import dev.singletable.orders.OrderRepository.IdempotencyRecord;
import dev.singletable.orders.OrderRepository.PlacementRefused;
import dev.singletable.orders.OrderRepository.StoredOrder;
import dev.singletable.web.ApiException;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What placing an order asks of the store (issue 21: a write's cost). The idempotency record is not read before the
 * placement's transaction, which puts it on attribute_not_exists: a key used before is found by that condition.
 */
class OrderServiceTest {

    private static final AuthenticatedUser ANN = new AuthenticatedUser("ann-id", "ann", "session");
    private static final Instant NOW = Instant.parse("2026-12-05T23:00:00Z");

    private final OrderRepository orders = mock(OrderRepository.class);
    private final ProductRepository products = mock(ProductRepository.class);
    private final OrderService service =
            new OrderService(orders, mock(StatusIndexReader.class), products, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void aProduct() {
        ProductItem mug = new ProductItem();
        mug.setSku("MUG-1");
        mug.setName("Mug");
        mug.setPriceCents(500L);
        when(products.find("MUG-1")).thenReturn(Optional.of(mug));
    }

    private static PlaceOrderRequest twoMugs() {
        return new PlaceOrderRequest(List.of(new OrderLineRequest("MUG-1", 2)));
    }

    @Test
    void aNewOrderIsPlacedWithoutReadingItsIdempotencyRecordFirst() {
        OrderService.Placement placed = service.place(ANN, "key-1", twoMugs());

        assertThat(placed.created()).isTrue();
        assertThat(placed.order().totalCents()).isEqualTo(1000);
        verify(orders).place(any(), anyString(), anyString(), anyLong());
        verify(orders, never()).idempotencyRecord(anyString(), anyString());
    }

    @Test
    void aKeyUsedBeforeIsAnsweredAsItsOrderEvenWhenTheStockIsGoneNow() {
        StoredOrder earlier = new StoredOrder(
                "01JEARLIER0000000000000000",
                ANN.userId(),
                "PLACED",
                1000,
                NOW,
                List.of(new OrderLine("MUG-1", "Mug", 2, 500)));
        doThrow(new PlacementRefused(List.of("MUG-1"), true))
                .when(orders)
                .place(any(), anyString(), anyString(), anyLong());
        when(orders.idempotencyRecord(ANN.userId(), "key-1"))
                .thenReturn(
                        Optional.of(new IdempotencyRecord(earlier.orderId(), OrderService.hash(Map.of("MUG-1", 2L)))));
        when(orders.find(earlier.orderId())).thenReturn(Optional.of(earlier));

        OrderService.Placement replay = service.place(ANN, "key-1", twoMugs());

        assertThat(replay.created()).isFalse();
        assertThat(replay.order().id()).isEqualTo(earlier.orderId());
    }

    /**
     * The Idempotency-Key check, now a pattern compiled once, accepts exactly the keys {@code String.matches} accepted
     * with the same regex (seeded random keys: lengths 0 to 110, characters around the printable ASCII range), and the
     * service refuses the others with the same 400 field error.
     */
    @Test
    void theIdempotencyKeyCheckAcceptsWhatStringMatchesAccepted() {
        Random random = new Random(20261205);
        int accepted = 0;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder key = new StringBuilder();
            int length = random.nextInt(111);
            for (int c = 0; c < length; c++) {
                // mostly printable ASCII, sometimes a space, a control character, DEL or a non-ASCII letter
                key.append(random.nextInt(50) == 0 ? (char) random.nextInt(0x120) : (char) (0x21 + random.nextInt(94)));
            }
            String k = key.toString();
            boolean before = k.matches("[\\x21-\\x7E]{1,100}");
            assertThat(OrderService.IDEMPOTENCY_KEY_PATTERN.matcher(k).matches())
                    .as("%s", k)
                    .isEqualTo(before);
            accepted += before ? 1 : 0;
        }
        assertThat(accepted).isBetween(500, 4_500); // both answers were exercised
        for (String refused : List.of("", "a b", "x".repeat(101), "caf\u00e9")) {
            assertThatThrownBy(() -> service.place(ANN, refused, twoMugs()))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.VALIDATION));
        }
        assertThat(service.place(ANN, "k".repeat(100), twoMugs()).created()).isTrue();
    }
}
