package dev.singletable.sessions;

import static dev.singletable.web.SliceCallers.ANN;
import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.web.ApiException;
import dev.singletable.web.ApiSlice;
import dev.singletable.web.ProblemType;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(SessionController.class)
@ApiSlice
class SessionControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SessionService sessions;

    @BeforeEach
    void knowTheCallers() {
        SliceSessions.knowTheCallers(sessions);
    }

    @Test
    void loginAnswers201WithTheToken() throws Exception {
        when(sessions.login(eq(new LoginRequest("ann", "correct horse")), any()))
                .thenReturn(new SessionResponse("tok", Instant.parse("2026-11-22T09:30:00Z")));

        mvc.perform(post("/api/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"ann\", \"password\": \"correct horse\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/sessions/current"))
                .andExpect(jsonPath("$.token").value("tok"))
                .andExpect(jsonPath("$.expiresAt").value("2026-11-22T09:30:00Z"));
    }

    @Test
    void wrongCredentialsAre401() throws Exception {
        when(sessions.login(any(), any())).thenThrow(new ApiException(ProblemType.INVALID_CREDENTIALS, "nope"));

        mvc.perform(post("/api/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"ann\", \"password\": \"wrong\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/invalid-credentials"));
    }

    @Test
    void missingCredentialsAre400() throws Exception {
        mvc.perform(post("/api/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
    }

    @Test
    void logoutEndsTheCallersSession() throws Exception {
        mvc.perform(delete("/api/sessions/current").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isNoContent());
        verify(sessions).logout(ANN);
    }

    @Test
    void logoutNeedsASession() throws Exception {
        mvc.perform(delete("/api/sessions/current")).andExpect(status().isUnauthorized());
    }
}
