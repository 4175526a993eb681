package dev.singletable.tweets;

import dev.singletable.users.UserDirectory;
import dev.singletable.web.ApiDocs;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.OnePage;
import dev.singletable.web.PageQuery;
import dev.singletable.web.PageResponse;
import dev.singletable.web.Paging;
import dev.singletable.web.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@Tag(name = "Tweets", description = "Posting, reading and deleting tweets; a user's tweets")
class TweetController {

    private final TweetService tweets;
    private final Paging paging;

    TweetController(TweetService tweets, Paging paging) {
        this.tweets = tweets;
        this.paging = paging;
    }

    @PostMapping(path = "/api/tweets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SignedIn
    @Operation(summary = "Post a tweet")
    @ApiResponse(
            responseCode = "201",
            description = "Posted; Location is the tweet",
            headers =
                    @Header(
                            name = HttpHeaders.LOCATION,
                            description = "The tweet's URL",
                            schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = TweetResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    public ResponseEntity<TweetResponse> post(
            @Valid @RequestBody CreateTweetRequest request, @AuthenticationPrincipal AuthenticatedUser caller) {
        TweetItem tweet = tweets.post(caller, request.text());
        URI location = UriComponentsBuilder.fromPath("/api/tweets/{id}")
                .buildAndExpand(tweet.getTweetId())
                .toUri();
        return ResponseEntity.created(location).body(TweetResponse.of(tweet));
    }

    @GetMapping("/api/tweets/{id}")
    @Operation(summary = "A tweet", description = "Public.")
    @ApiResponse(responseCode = "200", description = "The tweet")
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public TweetResponse get(@Parameter(example = "01JD4X7R2M8Q9B3C5V6N7P8K9T") @PathVariable String id) {
        return TweetResponse.of(tweets.get(id));
    }

    @DeleteMapping("/api/tweets/{id}")
    @SignedIn
    @Operation(summary = "Delete your tweet", description = "Deletes the tweet and its likes. Only its author may.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ResponseEntity<Void> delete(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser caller) {
        tweets.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/users/{username}/tweets")
    @Operation(
            summary = "A user's tweets, newest first",
            description = "Public. Paged: pass nextCursor back as ?cursor= until it is null.")
    @OnePage("One page of tweets")
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public PageResponse<TweetResponse> byAuthor(
            @Parameter(example = "ann_lee") @PathVariable String username, @Valid @ParameterObject PageQuery page) {
        return paging.page(
                "tweets/" + UserDirectory.normalize(username),
                page,
                (limit, start) -> tweets.byAuthor(username, limit, start),
                TweetResponse::of);
    }
}
