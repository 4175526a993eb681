package dev.singletable.follows;

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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/{username}")
@Tag(name = "Follows", description = "Following users; followers and following lists")
class FollowController {

    private final FollowService follows;
    private final Paging paging;

    FollowController(FollowService follows, Paging paging) {
        this.follows = follows;
        this.paging = paging;
    }

    @PutMapping("/following/{other}")
    @SignedIn
    @Operation(summary = "Follow a user", description = "Idempotent. {username} must be you.")
    @ApiResponse(responseCode = "204", description = "You follow {other}")
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ResponseEntity<Void> follow(
            @Parameter(example = "ann_lee") @PathVariable String username,
            @Parameter(example = "bob") @PathVariable String other,
            @AuthenticationPrincipal AuthenticatedUser caller) {
        follows.follow(caller, username, other);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/following/{other}")
    @SignedIn
    @Operation(summary = "Unfollow a user", description = "Idempotent. {username} must be you.")
    @ApiResponse(responseCode = "204", description = "You do not follow {other}")
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ResponseEntity<Void> unfollow(
            @Parameter(example = "ann_lee") @PathVariable String username,
            @Parameter(example = "bob") @PathVariable String other,
            @AuthenticationPrincipal AuthenticatedUser caller) {
        follows.unfollow(caller, username, other);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/followers")
    @Operation(summary = "Who follows a user, newest first", description = "Public. Paged.")
    @OnePage("One page of followers")
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public PageResponse<FollowResponse> followers(
            @Parameter(example = "ann_lee") @PathVariable String username, @Valid @ParameterObject PageQuery page) {
        return paging.page(
                "followers/" + UserDirectory.normalize(username),
                page,
                (limit, start) -> follows.followers(username, limit, start),
                edge -> new FollowResponse(edge.getFollowerUsername(), edge.getCreatedAt()));
    }

    @GetMapping("/following")
    @Operation(summary = "Whom a user follows, newest first", description = "Public. Paged.")
    @OnePage("One page of followed users")
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public PageResponse<FollowResponse> following(
            @Parameter(example = "ann_lee") @PathVariable String username, @Valid @ParameterObject PageQuery page) {
        return paging.page(
                "following/" + UserDirectory.normalize(username),
                page,
                (limit, start) -> follows.following(username, limit, start),
                edge -> new FollowResponse(edge.getFolloweeUsername(), edge.getCreatedAt()));
    }
}
