package dev.singletable.timeline;

import static dev.singletable.web.SliceCallers.ANN;
import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.table.Slice;
import dev.singletable.web.ApiSlice;
import dev.singletable.web.CursorCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@WebMvcTest(TimelineController.class)
@ApiSlice
class TimelineControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CursorCodec cursors;

    @MockitoBean
    TimelineService timelines;

    static final String TWEET = "01JD4X7R2M8Q9B3C5V6N7P8K9T";

    @Test
    void thePageOfTheCallersFeedWithACursorBoundToIt() throws Exception {
        FeedEntry entry = new FeedEntry(
                ANN.userId(),
                TWEET,
                "01JBOB0000000000000000000B",
                "bob",
                "hi ann",
                Instant.parse("2026-11-21T09:30:00Z"),
                Instant.parse("2026-11-28T09:30:00Z"));
        Map<String, AttributeValue> next = FeedKeys.entry(ANN.userId(), TWEET);
        when(timelines.timeline(eq(ANN), eq(1), isNull())).thenReturn(new Slice<>(List.of(entry), next));

        String body = mvc.perform(get("/api/timeline?limit=1").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(TWEET))
                .andExpect(jsonPath("$.items[0].author").value("bob"))
                .andExpect(jsonPath("$.items[0].text").value("hi ann"))
                .andExpect(jsonPath("$.items[0].createdAt").value("2026-11-21T09:30:00Z"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the cursor carries an expiry in seconds, so it is compared by what it decodes to, not byte for byte
        String cursor = com.jayway.jsonpath.JsonPath.read(body, "$.nextCursor");
        assertThat(cursors.decode("timeline/" + ANN.userId(), cursor)).isEqualTo(next);
    }

    @Test
    void needsASessionAndAValidLimit() throws Exception {
        mvc.perform(get("/api/timeline")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/timeline?limit=101").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isBadRequest());
        verify(timelines, never()).timeline(any(), anyInt(), any());
    }
}
