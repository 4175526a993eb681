package dev.singletable.likes;

import static dev.singletable.web.SliceCallers.ANN;
import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.web.ApiException;
import dev.singletable.web.ApiSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(LikeController.class)
@ApiSlice
class LikeControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LikeService likes;

    @Test
    void likeAndUnlikeAre204ForTheCaller() throws Exception {
        mvc.perform(put("/api/tweets/T1/likes").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/tweets/T1/likes").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isNoContent());
        verify(likes).like(ANN, "T1");
        verify(likes).unlike(ANN, "T1");
    }

    @Test
    void anUnknownTweetIs404() throws Exception {
        doThrow(ApiException.notFound("No tweet T2")).when(likes).like(ANN, "T2");
        mvc.perform(put("/api/tweets/T2/likes").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isNotFound());
    }

    @Test
    void likingNeedsASession() throws Exception {
        mvc.perform(put("/api/tweets/T1/likes")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/tweets/T1/likes")).andExpect(status().isUnauthorized());
    }
}
