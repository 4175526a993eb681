package dev.singletable.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** PATCH /api/users/{username}: If-Match flows, and an email change moving its uniqueness marker. */
@FullStackTest
class ProfileUpdateFullStackTest {

    @Autowired
    RestTestClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void withoutIfMatchIs428() {
        TestUser ann = api.newUser("ann");
        patch(ann, ann.username(), null, Map.of("displayName", "Ann"))
                .expectStatus()
                .isEqualTo(428)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/precondition-required");
    }

    @Test
    void withTheCurrentETagChangesTheProfileAndTheETag() {
        TestUser ann = api.newUser("ann");
        String etag = etagOf(ann);

        String changed = patch(ann, ann.username(), etag, Map.of("displayName", "Ann Lee"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Ann Lee")
                .jsonPath("$.email")
                .isEqualTo(ann.email())
                .returnResult()
                .getResponseHeaders()
                .getETag();
        assertThat(changed).isNotEqualTo(etag);

        api.get("/api/users/" + ann.username(), ann)
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, changed)
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Ann Lee");
    }

    @Test
    void withAStaleETagIs412AndChangesNothing() {
        TestUser ann = api.newUser("ann");
        String first = etagOf(ann);
        patch(ann, ann.username(), first, Map.of("displayName", "First"))
                .expectStatus()
                .isOk();

        patch(ann, ann.username(), first, Map.of("displayName", "Second"))
                .expectStatus()
                .isEqualTo(412)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/precondition-failed");
        patch(ann, ann.username(), "W/" + etagOf(ann), Map.of("displayName", "Weak"))
                .expectStatus()
                .isEqualTo(412); // If-Match compares strongly: a weak tag never matches

        api.get("/api/users/" + ann.username())
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("First");
    }

    @Test
    void ifMatchStarMatchesTheCurrentVersion() {
        TestUser ann = api.newUser("ann");
        patch(ann, ann.username(), "*", Map.of("displayName", "Any"))
                .expectStatus()
                .isOk();
    }

    @Test
    void changingTheEmailReleasesTheOldOneAndClaimsTheNewOne() {
        TestUser ann = api.newUser("ann");
        String newEmail = Api.uniqueName("new") + "@example.com";

        patch(ann, ann.username(), etagOf(ann), Map.of("email", newEmail))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(newEmail);

        api.signUp(Api.uniqueName("taker"), newEmail.toUpperCase())
                .expectStatus()
                .isEqualTo(409);
        api.signUp(Api.uniqueName("taker"), ann.email()).expectStatus().isCreated();
    }

    @Test
    void anEmailThatBelongsToSomeoneElseIs409AndChangesNothing() {
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");

        patch(ann, ann.username(), etagOf(ann), Map.of("email", bob.email(), "displayName", "Not applied"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.fields[0]")
                .isEqualTo("email");

        api.get("/api/users/" + ann.username(), ann)
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(ann.email())
                .jsonPath("$.displayName")
                .isEqualTo("Test " + ann.username());
    }

    @Test
    void changingOnlyTheCaseOfTheEmailKeepsItsMarker() {
        TestUser ann = api.newUser("ann");
        patch(ann, ann.username(), etagOf(ann), Map.of("email", ann.email().toUpperCase()))
                .expectStatus()
                .isOk();
        api.signUp(Api.uniqueName("taker"), ann.email()).expectStatus().isEqualTo(409);
    }

    @Test
    void invalidFieldsAre400() {
        TestUser ann = api.newUser("ann");
        patch(ann, ann.username(), etagOf(ann), Map.of("email", "nope", "displayName", ""))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(2);
    }

    @Test
    void anotherUsersProfileIs403() {
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");
        patch(bob, ann.username(), etagOf(ann), Map.of("displayName", "Hijacked"))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/forbidden");
    }

    @Test
    void mergePatchJsonIsAccepted() {
        TestUser ann = api.newUser("ann");
        http.patch()
                .uri("/api/users/" + ann.username())
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .header(HttpHeaders.IF_MATCH, etagOf(ann))
                .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                .body(Map.of("displayName", "Merged"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The tag of the profile as its owner sees it: the representation a PATCH by the owner is checked against. */
    private String etagOf(TestUser owner) {
        return api.get("/api/users/" + owner.username(), owner)
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
    }

    private RestTestClient.ResponseSpec patch(TestUser as, String username, String ifMatch, Map<String, String> body) {
        return http.patch()
                .uri("/api/users/" + username)
                .header(HttpHeaders.AUTHORIZATION, as.bearer())
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }
}
