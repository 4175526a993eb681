package dev.singletable.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.SingletableApplication;
import dev.singletable.support.Api;
import dev.singletable.support.TestUser;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.paginators.ScanIterable;

/**
 * The {@code demo} profile as a newcomer meets it: the service started twice on one data directory. The first start
 * seeds data that the API shows; the second finds the marker and writes nothing. (Its own two contexts, not the shared
 * full-stack one: a restart on a durable data directory is the point.)
 */
class DemoProfileTest {

    /** Items the seeder writes; sessions and the stream listener's bookkeeping change on every start, by design. */
    private static final Set<String> SEEDED_TYPES = Set.of(
            "User",
            "UniqueValue",
            "Role",
            "Follow",
            "Tweet",
            "Like",
            "Product",
            "Review",
            "Order",
            "OrderLine",
            "IdempotencyRecord",
            DemoSeedMarker.ENTITY_TYPE);

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartSeedsWhatTheApiShowsAndASecondStartSeedsNothing() {
        Set<String> afterFirstStart;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            TestUser ann = login(api, "ann_lee");
            api.get("/api/users/ann_lee/followers", ann)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.items.length()")
                    .isEqualTo(3);
            api.get("/api/users/bob_stone/tweets")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.items.length()")
                    .isEqualTo(2);
            api.get("/api/products/MUG-001")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.name")
                    .isEqualTo("Single-table mug")
                    .jsonPath("$.stock")
                    .isEqualTo(38);
            api.get("/api/products/MUG-001/reviews")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.items.length()")
                    .isEqualTo(2);
            login(api, DemoData.ADMIN);
            assertThat(first.getBean(DemoSeeder.class).seed()).isFalse();
            afterFirstStart = seededKeys(first);
        }
        assertThat(afterFirstStart).hasSizeGreaterThan(30);

        try (ConfigurableApplicationContext second = start()) {
            assertThat(seededKeys(second)).isEqualTo(afterFirstStart);
            login(api(second), "dev_patel");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SingletableApplication.class)
                .profiles("demo")
                .run(
                        "--server.port=0",
                        "--singletable.engine.data-dir=" + dataDir,
                        "--singletable.engine.port=-1",
                        "--singletable.engine.sync=none");
    }

    private static Api api(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new Api(RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build());
    }

    private static TestUser login(Api api, String username) {
        String email = username + "@demo.singletable.dev";
        return new TestUser(username, email, DemoData.PASSWORD, api.login(username, DemoData.PASSWORD));
    }

    /** PK and SK of every seeded item (a test may scan; the service may not). */
    private static Set<String> seededKeys(ConfigurableApplicationContext context) {
        ScanIterable pages = context.getBean(DynamoDbClient.class).scanPaginator(r -> r.tableName("singletable"));
        Set<String> keys = new HashSet<>();
        for (Map<String, AttributeValue> item : pages.items()) {
            AttributeValue type = item.get("entityType");
            if (type != null && SEEDED_TYPES.contains(type.s())) {
                keys.add(item.get("PK").s() + " | " + item.get("SK").s());
            }
        }
        return keys;
    }
}
