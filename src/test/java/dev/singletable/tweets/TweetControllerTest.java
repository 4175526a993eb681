package dev.singletable.tweets;

import static dev.singletable.web.SliceCallers.ANN;
import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.table.Slice;
import dev.singletable.web.ApiException;
import dev.singletable.web.ApiSlice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(TweetController.class)
@ApiSlice
class TweetControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TweetService tweets;

    static final String ID = "01JD4X7R2M8Q9B3C5V6N7P8K9T";

    static TweetItem tweet(String text) {
        TweetItem tweet = new TweetItem();
        tweet.setTweetId(ID);
        tweet.setAuthorUsername("ann");
        tweet.setText(text);
        tweet.setCreatedAt(Instant.parse("2026-11-21T09:30:00Z"));
        tweet.setLikes(3L);
        return tweet;
    }

    @Test
    void postAnswers201WithLocation() throws Exception {
        when(tweets.post(ANN, "hi")).thenReturn(tweet("hi"));

        mvc.perform(post("/api/tweets")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"hi\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/tweets/" + ID))
                .andExpect(jsonPath("$.id").value(ID))
                .andExpect(jsonPath("$.author").value("ann"))
                .andExpect(jsonPath("$.likes").value(3));
    }

    @Test
    void textLengthCountsCharactersNotUtf16Units() throws Exception {
        when(tweets.post(any(), any())).thenReturn(tweet("x"));
        mvc.perform(post("/api/tweets")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + "😀".repeat(280) + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/tweets")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + "😀".repeat(281) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value("must be 1 to 280 characters long"));
    }

    @Test
    void postingNeedsASession() throws Exception {
        mvc.perform(post("/api/tweets").contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"hi\"}"))
                .andExpect(status().isUnauthorized());
        verify(tweets, never()).post(any(), any());
    }

    @Test
    void getAndDelete() throws Exception {
        when(tweets.get(ID)).thenReturn(tweet("hi"));
        mvc.perform(get("/api/tweets/" + ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value("hi"));

        mvc.perform(delete("/api/tweets/" + ID).header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isNoContent());
        verify(tweets).delete(ANN, ID);
    }

    @Test
    void deletingSomeoneElsesTweetIs403AndAnUnknownOne404() throws Exception {
        doThrow(ApiException.forbidden("Only the author can delete this tweet"))
                .when(tweets)
                .delete(ANN, "theirs");
        doThrow(ApiException.notFound("No tweet gone")).when(tweets).delete(ANN, "gone");

        mvc.perform(delete("/api/tweets/theirs").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Only the author can delete this tweet"));
        mvc.perform(delete("/api/tweets/gone").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isNotFound());
    }

    @Test
    void aUsersTweetsArePaged() throws Exception {
        when(tweets.byAuthor(eq("ann"), eq(5), isNull())).thenReturn(new Slice<>(List.of(tweet("one")), null));

        mvc.perform(get("/api/users/ann/tweets?limit=5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].text").value("one"))
                .andExpect(jsonPath("$.nextCursor").isEmpty());
    }
}
