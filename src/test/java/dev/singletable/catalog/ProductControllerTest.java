package dev.singletable.catalog;

import static dev.singletable.web.SliceCallers.ANN;
import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.table.Slice;
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

/** The web side of the catalog, over a mocked ProductService. */
@WebMvcTest(ProductController.class)
@ApiSlice
class ProductControllerTest {

    static final ProductResponse MUG = new ProductResponse(
            "MUG-001", "Mug", "kitchen", null, 1299, 25, 2, 4.5, Instant.parse("2026-11-21T09:30:00Z"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProductService products;

    @Test
    void aProductIsPublicWithItsETag() throws Exception {
        when(products.get("MUG-001")).thenReturn(new Product(MUG, "\"tag-3\""));

        mvc.perform(get("/api/products/MUG-001"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"tag-3\""))
                .andExpect(jsonPath("$.sku").value("MUG-001"))
                .andExpect(jsonPath("$.averageRating").value(4.5));
    }

    @Test
    void aCategoryIsListedWithItsOwnCursorsAndABadCategoryIsRefusedBeforeTheService() throws Exception {
        when(products.byCategory(eq("kitchen"), eq(20), isNull())).thenReturn(new Slice<>(List.of(), null));
        mvc.perform(get("/api/products?category=kitchen"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());

        mvc.perform(get("/api/products?category=Kitchen!"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
    }

    @Test
    void aCategoryPageChecksItsLimitBesideTheCategory() throws Exception {
        mvc.perform(get("/api/products?category=Kitchen!&limit=0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'limit')].message")
                        .value("must be greater than or equal to 1"));
        mvc.perform(get("/api/products?category=kitchen&limit=many"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a valid int"));
        verifyNoInteractions(products);
    }

    @Test
    void creatingNeedsASessionAndAValidBody() throws Exception {
        String body = """
                {"sku": "MUG-001", "name": "Mug", "category": "kitchen", "priceCents": 1299, "stock": 25}""";
        mvc.perform(post("/api/products")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/products")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("MUG-001", "mug 001")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sku"));
        verifyNoInteractions(products);

        when(products.create(eq(ANN), any())).thenReturn(new Product(MUG, "\"tag-1\""));
        mvc.perform(post("/api/products")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/products/MUG-001"))
                .andExpect(header().string(HttpHeaders.ETAG, "\"tag-1\""));
    }

    @Test
    void aChangeTakesAMergePatchAndPassesIfMatchOn() throws Exception {
        when(products.update(eq(ANN), eq("MUG-001"), eq("\"tag-3\""), any())).thenReturn(new Product(MUG, "\"tag-4\""));

        mvc.perform(patch("/api/products/MUG-001")
                        .header(HttpHeaders.AUTHORIZATION, ANN_TOKEN)
                        .header(HttpHeaders.IF_MATCH, "\"tag-3\"")
                        .contentType("application/merge-patch+json")
                        .content("{\"stock\": 30}"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"tag-4\""));
    }
}
