package dev.singletable.users;

import dev.singletable.web.ApiDocs;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.OkWithETag;
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
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Sign-up and profiles")
class UserController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Sign up",
            description = "Creates a user. Username and email are unique (the username regardless of case): both are "
                    + "claimed in the same transaction as the user, so of two simultaneous sign-ups with one email "
                    + "exactly one succeeds.")
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location is the profile",
            headers = {
                @Header(
                        name = HttpHeaders.LOCATION,
                        description = "The new profile's URL",
                        schema = @Schema(type = "string")),
                @Header(
                        name = HttpHeaders.ETAG,
                        description = ApiDocs.ETAG_DESCRIPTION,
                        schema = @Schema(type = "string", example = ApiDocs.ETAG_EXAMPLE))
            },
            content = @Content(schema = @Schema(implementation = ProfileResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "409", ref = ApiDocs.ALREADY_TAKEN)
    public ResponseEntity<ProfileResponse> signUp(@Valid @RequestBody SignUpRequest request) {
        Profile created = users.signUp(request);
        URI location = UriComponentsBuilder.fromPath("/api/users/{username}")
                .buildAndExpand(created.body().username())
                .toUri();
        return ResponseEntity.created(location).eTag(created.etag()).body(created.body());
    }

    @GetMapping("/{username}")
    @Operation(
            summary = "A user's profile",
            description = "Public. The ETag is a digest of this body: it changes whenever the profile shown changes, "
                    + "counters included (If-None-Match answers 304 while it has not); the owner sends the tag of "
                    + "their own view as If-Match on PATCH. The counters are maintained from the table's stream and "
                    + "are eventually consistent. Another user's view may come from the read cache "
                    + "(singletable.cache.mode, docs/caching.md); the owner's is read consistently.")
    @ApiResponse(
            responseCode = "200",
            description = "The profile",
            headers = {
                @Header(
                        name = HttpHeaders.ETAG,
                        description = ApiDocs.ETAG_DESCRIPTION,
                        schema = @Schema(type = "string", example = ApiDocs.ETAG_EXAMPLE)),
                @Header(
                        name = HttpHeaders.VARY,
                        description = "Authorization: the owner sees more",
                        schema = @Schema(type = "string"))
            },
            content = @Content(schema = @Schema(implementation = ProfileResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public ResponseEntity<ProfileResponse> profile(
            @Parameter(example = "ann_lee") @PathVariable String username,
            @AuthenticationPrincipal @Nullable AuthenticatedUser caller) {
        Profile profile = users.profile(username, caller);
        // the owner sees more than others: a cache must not answer one with the other's copy
        return ResponseEntity.ok()
                .varyBy(HttpHeaders.AUTHORIZATION)
                .eTag(profile.etag())
                .body(profile.body());
    }

    @PatchMapping(
            path = "/{username}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON})
    @SignedIn
    @Operation(
            summary = "Change your profile",
            description = "A merge patch: absent fields stay as they are. Only the user may change their profile, "
                    + "and only as they last read it: send the ETag of their own GET as If-Match. A new email moves its uniqueness "
                    + "marker in the same transaction.")
    @OkWithETag("The changed profile")
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocs.ALREADY_TAKEN)
    @ApiResponse(responseCode = "412", ref = ApiDocs.PRECONDITION_FAILED)
    @ApiResponse(responseCode = "428", ref = ApiDocs.PRECONDITION_REQUIRED)
    public ResponseEntity<ProfileResponse> update(
            @Parameter(example = "ann_lee") @PathVariable String username,
            @Parameter(
                            description = "The ETag from the owner's GET /api/users/{username}",
                            example = ApiDocs.ETAG_EXAMPLE)
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch,
            @Valid @RequestBody UpdateProfileRequest patch,
            @AuthenticationPrincipal AuthenticatedUser caller) {
        Profile updated = users.update(caller, username, ifMatch, patch);
        return ResponseEntity.ok().eTag(updated.etag()).body(updated.body());
    }
}
