package dev.singletable.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@FullStackTest
class TweetsFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    DynamoDbClient dynamo;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void postingReturnsTheTweetAndItsLocation() {
        TestUser ann = api.newUser("ann");

        String location = api.post("/api/tweets", Map.of("text", "hello"), ann)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.id")
                .isNotEmpty()
                .jsonPath("$.author")
                .isEqualTo(ann.username())
                .jsonPath("$.text")
                .isEqualTo("hello")
                .jsonPath("$.likes")
                .isEqualTo(0)
                .jsonPath("$.createdAt")
                .isNotEmpty()
                .returnResult()
                .getResponseHeaders()
                .getFirst(HttpHeaders.LOCATION);

        assertThat(location).matches("/api/tweets/[0-9A-Z]{26}");
        api.get(location).expectStatus().isOk().expectBody().jsonPath("$.text").isEqualTo("hello");
    }

    @Test
    void textIsOneTo280Characters() {
        TestUser ann = api.newUser("ann");
        String rockets = "🚀".repeat(280); // 560 UTF-16 units, 280 characters
        api.post("/api/tweets", Map.of("text", rockets), ann).expectStatus().isCreated();
        api.post("/api/tweets", Map.of("text", "x".repeat(281)), ann)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("text");
        api.post("/api/tweets", Map.of("text", ""), ann).expectStatus().isBadRequest();
        api.post("/api/tweets", Map.of(), ann).expectStatus().isBadRequest();
    }

    /** The benchmark's ceiling (CeilingController) exists only in the bench profile: a plain start has no such path. */
    @Test
    void theBenchmarkCeilingIsAbsentByDefault() {
        TestUser ann = api.newUser("ann");
        api.tweet(ann, "hello");
        api.get("/api/users/" + ann.username() + "/tweets").expectStatus().isOk();
        api.get("/api/users/" + ann.username() + "/tweets-ceiling")
                .expectStatus()
                .isNotFound();
    }

    @Test
    void unknownTweetsAre404() {
        TestUser ann = api.newUser("ann");
        api.get("/api/tweets/01ARZ3NDEKTSV4RRFFQ69G5FAV")
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/not-found");
        api.get("/api/tweets/not-a-ulid").expectStatus().isNotFound();
        api.delete("/api/tweets/01ARZ3NDEKTSV4RRFFQ69G5FAV", ann).expectStatus().isNotFound();
    }

    @Test
    void onlyTheAuthorDeletesATweetAndItsLikesGoWithIt() {
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");
        String id = api.tweet(ann, "mine");
        api.put("/api/tweets/" + id + "/likes", bob).expectStatus().isNoContent();
        api.put("/api/tweets/" + id + "/likes", ann).expectStatus().isNoContent();

        api.delete("/api/tweets/" + id, bob)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/forbidden");
        api.get("/api/tweets/" + id).expectStatus().isOk();

        api.delete("/api/tweets/" + id, ann).expectStatus().isNoContent();
        api.get("/api/tweets/" + id).expectStatus().isNotFound();
        api.delete("/api/tweets/" + id, ann).expectStatus().isNotFound();
        assertThat(dynamo.query(r -> r.tableName("singletable")
                                .consistentRead(true)
                                .keyConditionExpression("PK = :pk")
                                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TWEET#" + id))))
                        .items())
                .isEmpty();
    }

    @Test
    void aUsersTweetsAreNewestFirst() {
        TestUser ann = api.newUser("ann");
        String first = api.tweet(ann, "first");
        String second = api.tweet(ann, "second");
        String third = api.tweet(ann, "third");
        api.tweet(api.newUser("bob"), "not ann's");

        api.get("/api/users/" + ann.username() + "/tweets")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].id")
                .isEqualTo(java.util.List.of(third, second, first))
                .jsonPath("$.nextCursor")
                .isEmpty();
        api.get("/api/users/" + Api.uniqueName("ghost") + "/tweets")
                .expectStatus()
                .isNotFound();
    }
}
