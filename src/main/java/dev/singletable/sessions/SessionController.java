package dev.singletable.sessions;

import dev.singletable.web.ApiDocs;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions")
@Tag(name = "Sessions", description = "Log in and out")
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Log in",
            description = "Opens a session and returns its bearer token. Sessions last 24 hours by default; in "
                    + "Swagger UI, paste the token into 'Authorize'. Failed log-ins are counted per username and per "
                    + "client in 15-minute windows: after 10 for a username, or 100 from a client, log-ins are "
                    + "refused with 429 until the window ends.")
    @ApiResponse(
            responseCode = "201",
            description = "The session's token",
            headers =
                    @Header(
                            name = HttpHeaders.LOCATION,
                            description = "/api/sessions/current",
                            schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(
            responseCode = "401",
            description = "Unknown username or wrong password (invalid-credentials)",
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "429",
            description = "Too many failed log-ins for this username or from this client "
                    + "lately (too-many-requests): retry after Retry-After seconds, when the counting window ends",
            headers =
                    @Header(
                            name = HttpHeaders.RETRY_AFTER,
                            description = "Seconds until log-ins are counted afresh",
                            schema = @Schema(type = "integer")),
            content =
                    @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<SessionResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return ResponseEntity.created(URI.create("/api/sessions/current"))
                .body(sessions.login(request, http.getRemoteAddr()));
    }

    @DeleteMapping("/current")
    @SignedIn
    @Operation(summary = "Log out", description = "Ends the session whose token authenticates this request.")
    @ApiResponse(responseCode = "204", description = "Logged out; the token no longer works")
    public ResponseEntity<Void> logout(@AuthenticationPrincipal AuthenticatedUser caller) {
        sessions.logout(caller);
        return ResponseEntity.noContent().build();
    }
}
