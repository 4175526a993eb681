package dev.singletable.orders;

import static dev.singletable.web.SliceCallers.ANN;
import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.table.Slice;
import dev.singletable.web.ApiSlice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The web side of order lists, over a mocked OrderService. */
@WebMvcTest(OrderListController.class)
@ApiSlice
class OrderListControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrderService orders;

    private static final String ID = "01JD4X7R2M8Q9B3C5V6N7P8K9T";

    @Test
    void anUnknownStatusIsAValidationProblem() throws Exception {
        mvc.perform(get("/api/users/me/orders?status=LOST").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/admin/orders").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(orders);
    }

    @Test
    void theCallersOrdersNeedASessionAndAreNotTakenForAUsername() throws Exception {
        mvc.perform(get("/api/users/me/orders")).andExpect(status().isUnauthorized());
        when(orders.mine(eq(ANN), eq(OrderStatus.SHIPPED), eq(5), isNull()))
                .thenReturn(new Slice<>(
                        List.of(new OrderSummary(
                                ID, ANN.userId(), "SHIPPED", 100, Instant.parse("2026-11-21T09:30:00Z"))),
                        null));
        mvc.perform(get("/api/users/me/orders?status=SHIPPED&limit=5").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(ID))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void theAdminListPassesTheStatusAndNeedsASession() throws Exception {
        mvc.perform(get("/api/admin/orders?status=PLACED")).andExpect(status().isUnauthorized());
        when(orders.byStatus(eq(ANN), eq(OrderStatus.PLACED), anyInt(), any()))
                .thenReturn(new Slice<>(List.of(), null));
        mvc.perform(get("/api/admin/orders?status=PLACED").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
        verify(orders).byStatus(eq(ANN), eq(OrderStatus.PLACED), eq(20), isNull());
    }
}
