package dev.singletable.history;

import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static dev.singletable.web.SliceCallers.BOB_TOKEN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.table.QueryPager;
import dev.singletable.table.Slice;
import dev.singletable.table.TableProperties;
import dev.singletable.web.ApiSlice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** An item's history: admins only, images as plain JSON, numbers kept as strings. */
@WebMvcTest(HistoryController.class)
@ApiSlice
@Import(HistoryControllerTest.Table.class)
class HistoryControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueryPager pager;

    @Test
    void onlyAnAdminReadsHistory() throws Exception {
        mvc.perform(get("/api/admin/history?pk=USER%23a&sk=PROFILE")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/admin/history?pk=USER%23a&sk=PROFILE").header(HttpHeaders.AUTHORIZATION, BOB_TOKEN))
                .andExpect(status().isForbidden());
        verifyNoInteractions(pager);
    }

    @Test
    void aChangeShowsBothImagesAsPlainValues() throws Exception {
        Map<String, AttributeValue> change = Map.of(
                "eventName",
                AttributeValue.fromS("MODIFY"),
                "changedAt",
                AttributeValue.fromS("2026-11-21T09:30:00Z"),
                "oldImage",
                AttributeValue.fromM(Map.of("followers", AttributeValue.fromN("0"))),
                "newImage",
                AttributeValue.fromM(Map.of("followers", AttributeValue.fromN("1"))));
        when(pager.<Map<String, AttributeValue>>page(any(QueryRequest.class), eq(20), isNull(), any()))
                .thenReturn(new Slice<>(List.of(change), null));

        mvc.perform(get("/api/admin/history?pk=USER%23a&sk=PROFILE").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].eventName").value("MODIFY"))
                .andExpect(jsonPath("$.items[0].oldImage.followers").value("0"))
                .andExpect(jsonPath("$.items[0].newImage.followers").value("1"));
    }

    /** As for the explorer: {@code @Validated} on the controller made a bad limit a 500. */
    @Test
    void aLimitOutOfRangeIsAValidationProblem() throws Exception {
        mvc.perform(get("/api/admin/history?pk=USER%23a&sk=PROFILE&limit=101")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        verifyNoInteractions(pager);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Table {
        @Bean
        TableProperties tableProperties() {
            return new TableProperties("singletable");
        }
    }
}
