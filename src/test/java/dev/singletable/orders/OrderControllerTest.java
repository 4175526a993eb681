package dev.singletable.orders;

import static dev.singletable.web.SliceCallers.ANN;
import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.web.ApiException;
import dev.singletable.web.ApiSlice;
import dev.singletable.web.ProblemType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The web side of status changes, over a mocked OrderService. */
@WebMvcTest(OrderController.class)
@ApiSlice
class OrderControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrderService orders;

    private static final String ID = "01JD4X7R2M8Q9B3C5V6N7P8K9T";

    @Test
    void aStatusChangeIsParsedAndAnIllegalOneIsAProblem() throws Exception {
        when(orders.changeStatus(ANN, ID, OrderStatus.PAID))
                .thenReturn(new OrderResponse(ID, "PAID", 100, Instant.parse("2026-11-21T09:30:00Z"), List.of()));
        mvc.perform(patch("/api/orders/" + ID + "/status")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"PAID\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"));

        when(orders.changeStatus(ANN, ID, OrderStatus.DELIVERED))
                .thenThrow(new ApiException(
                        ProblemType.ILLEGAL_TRANSITION,
                        "An order that is PAID cannot become DELIVERED",
                        Map.of("currentStatus", "PAID")));
        mvc.perform(patch("/api/orders/" + ID + "/status")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DELIVERED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/illegal-transition"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.currentStatus").value("PAID"));
    }

    @Test
    void anUnknownStatusIsAValidationProblem() throws Exception {
        mvc.perform(patch("/api/orders/" + ID + "/status")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"paid\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        verifyNoInteractions(orders);
    }
}
