package dev.singletable.reviews;

import static dev.singletable.web.SliceCallers.ANN;
import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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

/** The web side of reviews, over a mocked ReviewService. */
@WebMvcTest(ReviewController.class)
@ApiSlice
class ReviewControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReviewService reviews;

    private static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void theFirstReviewIs201AndAReplacement200() throws Exception {
        ReviewResponse review = new ReviewResponse("MUG-001", "ann", 4, "Good", AT);
        when(reviews.write(eq(ANN), eq("MUG-001"), any()))
                .thenReturn(new ReviewService.Written(review, true))
                .thenReturn(new ReviewService.Written(review, false));
        for (int expected : new int[] {201, 200}) {
            mvc.perform(put("/api/products/MUG-001/reviews")
                            .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"rating\":4,\"comment\":\"Good\"}"))
                    .andExpect(status().is(expected))
                    .andExpect(jsonPath("$.rating").value(4));
        }
    }

    @Test
    void invalidReviewsUnknownProductsAndAnonymousWritersAreRefused() throws Exception {
        mvc.perform(put("/api/products/MUG-001/reviews")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":9}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rating"));
        mvc.perform(put("/api/products/MUG-001/reviews")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":4}"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(reviews);
        when(reviews.write(eq(ANN), eq("NOPE"), any())).thenThrow(ApiException.notFound("No product NOPE"));
        mvc.perform(put("/api/products/NOPE/reviews")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":4}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void readingReviewsIsPublic() throws Exception {
        ReviewItem item = new ReviewItem();
        item.setSku("MUG-001");
        item.setUsername("ann");
        item.setRating(5);
        item.setReviewedAt(AT);
        when(reviews.ofProduct(eq("MUG-001"), eq(20), isNull())).thenReturn(new Slice<>(List.of(item), null));
        mvc.perform(get("/api/products/MUG-001/reviews"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].username").value("ann"));
    }
}
