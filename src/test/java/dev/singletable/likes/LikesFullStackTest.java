package dev.singletable.likes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@FullStackTest
class LikesFullStackTest {

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
    void likingIsIdempotentAndStoresOneLikeItem() {
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");
        String id = api.tweet(ann, "like me");

        api.put("/api/tweets/" + id + "/likes", bob).expectStatus().isNoContent();
        api.put("/api/tweets/" + id + "/likes", bob).expectStatus().isNoContent();

        assertThat(likeItems(id)).isEqualTo(1);
        api.get("/api/tweets/" + id).expectBody().jsonPath("$.likes").isNumber();
    }

    @Test
    void unlikingIsIdempotent() {
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");
        String id = api.tweet(ann, "unlike me");
        api.put("/api/tweets/" + id + "/likes", bob).expectStatus().isNoContent();

        api.delete("/api/tweets/" + id + "/likes", bob).expectStatus().isNoContent();
        api.delete("/api/tweets/" + id + "/likes", bob).expectStatus().isNoContent();

        assertThat(likeItems(id)).isZero();
    }

    @Test
    void likingAnUnknownTweetIs404() {
        TestUser bob = api.newUser("bob");
        api.put("/api/tweets/01ARZ3NDEKTSV4RRFFQ69G5FAV/likes", bob)
                .expectStatus()
                .isNotFound();
        api.delete("/api/tweets/01ARZ3NDEKTSV4RRFFQ69G5FAV/likes", bob)
                .expectStatus()
                .isNotFound();
        api.put("/api/tweets/nonsense/likes", bob).expectStatus().isNotFound();
    }

    @Test
    void aDeletedTweetCannotBeLiked() {
        TestUser ann = api.newUser("ann");
        String id = api.tweet(ann, "short-lived");
        api.delete("/api/tweets/" + id, ann).expectStatus().isNoContent();

        api.put("/api/tweets/" + id + "/likes", ann).expectStatus().isNotFound();
        assertThat(likeItems(id)).isZero();
    }

    private int likeItems(String tweetId) {
        return dynamo.query(r -> r.tableName("singletable")
                        .consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :like)")
                        .expressionAttributeValues(Map.of(
                                ":pk",
                                AttributeValue.fromS("TWEET#" + tweetId),
                                ":like",
                                AttributeValue.fromS("LIKE#"))))
                .count();
    }
}
