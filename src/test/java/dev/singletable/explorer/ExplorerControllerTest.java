package dev.singletable.explorer;

import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static dev.singletable.web.SliceCallers.BOB_TOKEN;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.table.Slice;
import dev.singletable.web.ApiSlice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The explorer's JSON: admins only, consecutive items of one partition key grouped. */
@WebMvcTest(ExplorerController.class)
@ApiSlice
class ExplorerControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TableExplorer explorer;

    @Test
    void onlyAnAdminSeesTheTable() throws Exception {
        mvc.perform(get("/api/admin/explorer")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/admin/explorer").header(HttpHeaders.AUTHORIZATION, BOB_TOKEN))
                .andExpect(status().isForbidden());
        verifyNoInteractions(explorer);
    }

    @Test
    void itemsOfOnePartitionAreOneGroup() throws Exception {
        when(explorer.tableName()).thenReturn("singletable");
        when(explorer.columns()).thenReturn(List.of("PK", "SK"));
        when(explorer.page(5, null))
                .thenReturn(new Slice<>(
                        List.of(
                                Map.of("PK", "USER#a", "SK", "PROFILE"),
                                Map.of("PK", "USER#a", "SK", "FOLLOWS#b"),
                                Map.of("PK", "TWEET#t", "SK", "TWEET")),
                        null));

        mvc.perform(get("/api/admin/explorer?limit=5").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partitions.length()").value(2))
                .andExpect(jsonPath("$.partitions[0].pk").value("USER#a"))
                .andExpect(jsonPath("$.partitions[0].items.length()").value(2));
    }

    @Test
    /** A finding of the per-controller slice: {@code @Validated} on the controller made this a 500. */
    void aLimitOutOfRangeIsAValidationProblem() throws Exception {
        mvc.perform(get("/api/admin/explorer?limit=0").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        verifyNoInteractions(explorer);
    }
}
