package dev.singletable.likes;

import dev.singletable.web.ApiDocs;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tweets/{id}/likes")
@Tag(name = "Likes", description = "Liking tweets")
class LikeController {

    private final LikeService likes;

    LikeController(LikeService likes) {
        this.likes = likes;
    }

    @PutMapping
    @SignedIn
    @Operation(
            summary = "Like a tweet",
            description = "Idempotent: liking again changes nothing. The tweet's likes count follows shortly.")
    @ApiResponse(responseCode = "204", description = "You like the tweet")
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ResponseEntity<Void> like(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser caller) {
        likes.like(caller, id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    @SignedIn
    @Operation(
            summary = "Unlike a tweet",
            description = "Idempotent: unliking a tweet you do not like changes nothing.")
    @ApiResponse(responseCode = "204", description = "You do not like the tweet")
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ResponseEntity<Void> unlike(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser caller) {
        likes.unlike(caller, id);
        return ResponseEntity.noContent().build();
    }
}
