package dev.singletable.orders;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.table.Slice;
import dev.singletable.web.ApiException;
import dev.singletable.web.ApiSliceTest;
import dev.singletable.web.ProblemType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The web side of status changes and order lists, over a mocked OrderService. */
class OrderControllerTest extends ApiSliceTest {

    private static final String ID = "01JD4X7R2M8Q9B3C5V6N7P8K9T";

    @Test
    void aStatusChangeIsParsedAndAnIllegalOneIsAProblem() throws Exception {
        when(orders.changeStatus(ANN, ID, OrderStatus.PAID)).thenReturn(
                new OrderResponse(ID, "PAID", 100, Instant.parse("2026-11-21T09:30:00Z"), List.of()));
        mvc.perform(patch("/api/orders/" + ID + "/status").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PAID\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAID"));

        when(orders.changeStatus(ANN, ID, OrderStatus.DELIVERED)).thenThrow(new ApiException(
                ProblemType.ILLEGAL_TRANSITION, "An order that is PAID cannot become DELIVERED",
                Map.of("currentStatus", "PAID")));
        mvc.perform(patch("/api/orders/" + ID + "/status").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"DELIVERED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/illegal-transition"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.currentStatus").value("PAID"));
    }

    @Test
    void anUnknownStatusIsAValidationProblem() throws Exception {
        mvc.perform(patch("/api/orders/" + ID + "/status").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"paid\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/users/me/orders?status=LOST").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/admin/orders").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(orders);
    }

    @Test
    void theCallersOrdersNeedASessionAndAreNotTakenForAUsername() throws Exception {
        mvc.perform(get("/api/users/me/orders")).andExpect(status().isUnauthorized());
        when(orders.mine(eq(ANN), eq(OrderStatus.SHIPPED), eq(5), isNull())).thenReturn(new Slice<>(List.of(
                new OrderSummary(ID, ANN.userId(), "SHIPPED", 100, Instant.parse("2026-11-21T09:30:00Z"))), null));
        mvc.perform(get("/api/users/me/orders?status=SHIPPED&limit=5").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(ID))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void theAdminListPassesTheStatusAndNeedsASession() throws Exception {
        mvc.perform(get("/api/admin/orders?status=PLACED")).andExpect(status().isUnauthorized());
        when(orders.byStatus(eq(ANN), eq(OrderStatus.PLACED), anyInt(), any())).thenReturn(new Slice<>(List.of(), null));
        mvc.perform(get("/api/admin/orders?status=PLACED").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty());
        verify(orders).byStatus(eq(ANN), eq(OrderStatus.PLACED), eq(20), isNull());
    }
}
