package dev.singletable.tweets;

import dev.singletable.web.PageQuery;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's ceiling (issue 21, docs/benchmarks.md "Service"): {@code GET /api/users/{username}/tweets-ceiling}
 * answers the same bytes as the first page of {@code GET /api/users/{username}/tweets}, from memory: the first call per
 * user asks the real endpoint, later ones only return its bytes. It passes the same filter chain (request id,
 * security, metrics, Tomcat, Spring MVC), so a real endpoint's throughput over the ceiling's is the share of a request
 * that is this project's own work. Only in the {@code bench} profile, never in the default one (a test checks).
 */
@Hidden
@Profile("bench")
@RestController
class CeilingController {

    private final TweetController tweets;
    private final JsonMapper json;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    CeilingController(TweetController tweets, JsonMapper json) {
        this.tweets = tweets;
        this.json = json;
    }

    @GetMapping("/api/users/{username}/tweets-ceiling")
    ResponseEntity<byte[]> ceiling(@PathVariable String username) {
        byte[] page =
                pages.computeIfAbsent(username, u -> json.writeValueAsBytes(tweets.byAuthor(u, PageQuery.first())));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page);
    }
}
