package dev.singletable.web;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Who may call what: every endpoint anonymously, with a token that is not a session, and as the wrong user. Reads are
 * public; writes need a session; acting on someone else's profile, follows or tweet is 403.
 */
@FullStackTest
class AuthorizationMatrixFullStackTest {

    static final String UNAUTHENTICATED = "https://singletable.dev/problems/unauthenticated";
    static final String FORBIDDEN = "https://singletable.dev/problems/forbidden";

    @Autowired
    RestTestClient http;

    Api api;
    TestUser ann;
    TestUser bob;
    String annTweet;

    record Call(HttpMethod method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void setUp() {
        api = new Api(http);
        ann = api.newUser("ann");
        bob = api.newUser("bob");
        annTweet = api.tweet(ann, "ann's");
    }

    /** Calls that change ann's things, each of which only ann may make. */
    List<Call> annsWrites() {
        String me = "/api/users/" + ann.username();
        return List.of(
                new Call(HttpMethod.PATCH, me, Map.of("displayName", "x")),
                new Call(HttpMethod.PUT, me + "/following/" + bob.username(), null),
                new Call(HttpMethod.DELETE, me + "/following/" + bob.username(), null),
                new Call(HttpMethod.DELETE, "/api/tweets/" + annTweet, null));
    }

    /** Calls that need a session but act on the caller's own behalf. */
    List<Call> selfWrites() {
        return List.of(
                new Call(HttpMethod.POST, "/api/tweets", Map.of("text", "x")),
                new Call(HttpMethod.PUT, "/api/tweets/" + annTweet + "/likes", null),
                new Call(HttpMethod.DELETE, "/api/tweets/" + annTweet + "/likes", null),
                new Call(HttpMethod.DELETE, "/api/sessions/current", null));
    }

    List<Call> publicReads() {
        String me = "/api/users/" + ann.username();
        return List.of(
                new Call(HttpMethod.GET, me, null),
                new Call(HttpMethod.GET, me + "/tweets", null),
                new Call(HttpMethod.GET, me + "/followers", null),
                new Call(HttpMethod.GET, me + "/following", null),
                new Call(HttpMethod.GET, "/api/tweets/" + annTweet, null));
    }

    @Test
    void writesWithoutATokenAre401() {
        for (Call call : concat(annsWrites(), selfWrites())) {
            send(call, h -> h)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo(UNAUTHENTICATED);
        }
    }

    @Test
    void anyCallWithAnUnknownTokenIs401() {
        for (Call call : concat(concat(annsWrites(), selfWrites()), publicReads())) {
            send(call, h -> h.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-session"))
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo(UNAUTHENTICATED);
        }
    }

    @Test
    void anotherSchemeThanBearerIsNotAuthentication() {
        send(selfWrites().get(0), h -> h.header(HttpHeaders.AUTHORIZATION, "Basic YW5uOnB3"))
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void actingOnAnotherUsersThingsIs403() {
        for (Call call : annsWrites()) {
            RestTestClient.ResponseSpec response = send(
                    call, h -> h.header(HttpHeaders.AUTHORIZATION, bob.bearer()).header(HttpHeaders.IF_MATCH, "*"));
            response.expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo(FORBIDDEN);
        }
    }

    @Test
    void readsArePublic() {
        for (Call call : publicReads()) {
            send(call, h -> h).expectStatus().isOk();
        }
    }

    @Test
    void theOwnerMayDoAllOfIt() {
        // likes before the tweet's deletion, logging out last
        List<Call> inOrder = concat(
                concat(selfWrites().subList(0, 3), annsWrites()), selfWrites().subList(3, 4));
        for (Call call : inOrder) {
            send(call, h -> h.header(HttpHeaders.AUTHORIZATION, ann.bearer()).header(HttpHeaders.IF_MATCH, "*"))
                    .expectStatus()
                    .is2xxSuccessful();
        }
    }

    private RestTestClient.ResponseSpec send(
            Call call, Function<RestTestClient.RequestBodySpec, RestTestClient.RequestBodySpec> auth) {
        RestTestClient.RequestBodySpec request =
                auth.apply(http.method(call.method()).uri(call.path()));
        if (call.body() != null) {
            return request.contentType(MediaType.APPLICATION_JSON)
                    .body(call.body())
                    .exchange();
        }
        return request.exchange();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
