package dev.singletable.users;

import static dev.singletable.web.SliceCallers.ANN;
import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.web.ApiException;
import dev.singletable.web.ApiSlice;
import dev.singletable.web.ProblemType;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

@WebMvcTest(UserController.class)
@ApiSlice
class UserControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserService users;

    static final String SIGN_UP = """
            {"username": "ann", "email": "ann@example.com", "displayName": "Ann", "password": "correct horse"}""";
    static final Profile ANN_PROFILE = new Profile(
            new ProfileResponse("ann", "Ann", "ann@example.com", Instant.parse("2026-11-21T09:30:00Z"), 2, 3, 4),
            "\"tag-7\"");

    @Test
    void signUpAnswers201WithLocationAndETag() throws Exception {
        when(users.signUp(any())).thenReturn(ANN_PROFILE);

        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(SIGN_UP))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/users/ann"))
                .andExpect(header().string(HttpHeaders.ETAG, "\"tag-7\""))
                .andExpect(jsonPath("$.username").value("ann"))
                .andExpect(jsonPath("$.followers").value(2))
                .andExpect(jsonPath("$.createdAt").value("2026-11-21T09:30:00Z"));
    }

    @Test
    void invalidSignUpsNeverReachTheService() throws Exception {
        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "x", "email": "ann@", "password": "short"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(
                        jsonPath("$.type").value(ProblemType.VALIDATION.type().toString()))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.instance").value("/api/users"))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        Matchers.containsInAnyOrder("username", "email", "displayName", "password")));
        verify(users, never()).signUp(any());
    }

    @Test
    void aClashNamesItsFields() throws Exception {
        when(users.signUp(any())).thenThrow(ApiException.alreadyTaken(List.of("email")));

        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(SIGN_UP))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/already-taken"))
                .andExpect(jsonPath("$.fields[0]").value("email"))
                .andExpect(jsonPath("$.detail").value("email already taken"));
    }

    @Test
    void profilesArePublicAndCarryAnETag() throws Exception {
        when(users.profile(eq("ann"), isNull())).thenReturn(ANN_PROFILE);

        mvc.perform(get("/api/users/ann"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"tag-7\""))
                .andExpect(jsonPath("$.tweets").value(4));
    }

    @Test
    void theCallerReachesTheServiceForTheirOwnProfile() throws Exception {
        when(users.profile("ann", ANN)).thenReturn(ANN_PROFILE);

        mvc.perform(get("/api/users/ann").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(jsonPath("$.email").value("ann@example.com"));
    }

    @Test
    void patchPassesIfMatchAndReturnsTheNewETag() throws Exception {
        when(users.update(eq(ANN), eq("ann"), eq("\"tag-7\""), any()))
                .thenReturn(new Profile(ANN_PROFILE.body(), "\"tag-8\""));

        mvc.perform(patch("/api/users/ann")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .header(HttpHeaders.IF_MATCH, "\"tag-7\"")
                        .contentType("application/merge-patch+json")
                        .content("{\"displayName\": \"Ann L.\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"tag-8\""));
    }

    @Test
    void patchPreconditionProblems() throws Exception {
        when(users.update(eq(ANN), eq("ann"), isNull(), any()))
                .thenThrow(new ApiException(ProblemType.PRECONDITION_REQUIRED, "Send If-Match"));

        mvc.perform(patch("/api/users/ann")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().is(428))
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/precondition-required"));
    }

    @Test
    void patchNeedsASession() throws Exception {
        mvc.perform(patch("/api/users/ann")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/unauthenticated"));
        mvc.perform(patch("/api/users/ann")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer stale")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
        verify(users, never()).update(any(), any(), any(), any());
    }

    @Test
    void aThrottledStoreIs503WithRetryAfter() throws Exception {
        when(users.profile(eq("ann"), any()))
                .thenThrow(ProvisionedThroughputExceededException.builder()
                        .message("Rate of requests exceeds")
                        .statusCode(400)
                        .build());

        mvc.perform(get("/api/users/ann"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/service-unavailable"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Rate of requests"))));
    }

    @Test
    void anUnreachableStoreIs503() throws Exception {
        when(users.profile(eq("ann"), any())).thenThrow(SdkClientException.create("Connection refused"));

        mvc.perform(get("/api/users/ann"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void aBugIsABare500() throws Exception {
        when(users.profile(eq("ann"), any())).thenThrow(new IllegalStateException("secret internals"));

        mvc.perform(get("/api/users/ann"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/internal-error"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret internals"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("at dev.singletable"))));
    }

    @Test
    void frameworkErrorsAreProblemsToo() throws Exception {
        mvc.perform(delete("/api/users").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/method-not-allowed"));
        mvc.perform(post("/api/users").contentType(MediaType.TEXT_PLAIN).content("ann"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/unsupported-media-type"));
        mvc.perform(get("/api/nothing-here").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/not-found"));
    }
}
