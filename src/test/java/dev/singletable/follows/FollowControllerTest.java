package dev.singletable.follows;

import static dev.singletable.web.SliceCallers.ANN;
import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.table.Slice;
import dev.singletable.web.ApiException;
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

@WebMvcTest(FollowController.class)
@ApiSlice
class FollowControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CursorCodec cursors;

    @MockitoBean
    FollowService follows;

    static final Map<String, AttributeValue> POSITION = Map.of(
            "PK",
            AttributeValue.fromS("USER#b"),
            "SK",
            AttributeValue.fromS("FOLLOWS#x"),
            "GSI1PK",
            AttributeValue.fromS("USER#a"),
            "GSI1SK",
            AttributeValue.fromS("FOLLOWED_BY#y"));

    @Test
    void followAndUnfollowAre204() throws Exception {
        mvc.perform(put("/api/users/ann/following/bob").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/users/ann/following/bob").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isNoContent());
        verify(follows).follow(ANN, "ann", "bob");
        verify(follows).unfollow(ANN, "ann", "bob");
    }

    @Test
    void followingForSomeoneElseIsTheServicesCallAnd403() throws Exception {
        doThrow(ApiException.forbidden("no")).when(follows).follow(ANN, "bob", "cy");
        mvc.perform(put("/api/users/bob/following/cy").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isForbidden());
    }

    @Test
    void listsArePagesWithASignedCursor() throws Exception {
        FollowItem edge = new FollowItem();
        edge.setFollowerUsername("bob");
        edge.setCreatedAt(Instant.parse("2026-11-21T09:30:00Z"));
        when(follows.followers(eq("Ann"), eq(1), isNull())).thenReturn(new Slice<>(List.of(edge), POSITION));

        String cursor = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(get("/api/users/Ann/followers?limit=1"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.items[0].username").value("bob"))
                        .andExpect(jsonPath("$.items[0].since").value("2026-11-21T09:30:00Z"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.nextCursor");

        when(follows.followers(eq("ann"), eq(20), eq(POSITION))).thenReturn(new Slice<>(List.of(), null));
        mvc.perform(get("/api/users/ann/followers").param("cursor", cursor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.nextCursor").isEmpty());
    }

    @Test
    void aFollowersCursorDoesNotPageFollowing() throws Exception {
        String cursor = cursors.encode("followers/ann", POSITION);
        mvc.perform(get("/api/users/ann/following").param("cursor", cursor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/invalid-cursor"));
        verifyNoInteractions(follows);
    }

    @Test
    void limitIsValidated() throws Exception {
        mvc.perform(get("/api/users/ann/following?limit=101"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be less than or equal to 100"));
        mvc.perform(get("/api/users/ann/following?limit=0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be greater than or equal to 1"));
        verifyNoInteractions(follows);
    }

    @Test
    void aLimitThatIsNoNumberIsAValidationProblemNamingTheParameter() throws Exception {
        mvc.perform(get("/api/users/ann/followers?limit=ten"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://singletable.dev/problems/validation"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a valid int"));
        verifyNoInteractions(follows);
    }
}
