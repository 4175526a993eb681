package dev.singletable.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@FullStackTest
class ExplorerFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    @Test
    void anAdminSeesEveryItemGroupedByPartitionKeyWithKeyColumnsOnly() {
        Api api = new Api(http);
        TestUser admin = newAdmin(api, admins, users);
        TestUser ann = api.newUser("explored");
        api.put("/api/users/" + ann.username() + "/following/" + admin.username(), ann)
                .expectStatus()
                .is2xxSuccessful();
        String annId = users.findId(ann.username()).orElseThrow();
        String adminId = users.findId(admin.username()).orElseThrow();

        List<ExplorerPage.Partition> partitions = new ArrayList<>();
        String cursor = null;
        do {
            ExplorerPage page = api.get(
                            "/api/admin/explorer?limit=50" + (cursor == null ? "" : "&cursor=" + cursor), admin)
                    .expectStatus()
                    .isOk()
                    .expectBody(ExplorerPage.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(page.table()).isEqualTo("singletable");
            assertThat(page.columns())
                    .containsExactly(
                            "PK",
                            "SK",
                            "entityType",
                            "GSI1PK",
                            "GSI1SK",
                            "GSI3PK",
                            "GSI3SK",
                            "LSI1SK",
                            "status",
                            "statusShard",
                            "orderId",
                            "ttl");
            partitions.addAll(page.partitions());
            cursor = page.nextCursor();
        } while (cursor != null);

        List<Map<String, String>> annItems = partitions.stream()
                .filter(p -> p.pk().equals("USER#" + annId))
                .flatMap(p -> p.items().stream())
                .toList();
        assertThat(annItems).extracting(item -> item.get("SK")).contains("PROFILE", "FOLLOWS#" + adminId);
        assertThat(annItems).extracting(item -> item.get("entityType")).contains("User", "Follow");
        assertThat(annItems).allSatisfy(item -> assertThat(item.keySet()).doesNotContain("passwordHash", "email"));
        // the follow edge carries its index keys: GSI1 lists the admin's followers, LSI1 orders ann's follows
        assertThat(annItems)
                .filteredOn(item -> "Follow".equals(item.get("entityType")))
                .singleElement()
                .satisfies(edge -> assertThat(edge)
                        .containsEntry("GSI1PK", "USER#" + adminId)
                        .containsKey("LSI1SK"));
        assertThat(partitions)
                .extracting(ExplorerPage.Partition::pk)
                .contains("USERNAME#" + ann.username().toLowerCase());
    }

    @Test
    void onlyAdminsMayExplore() {
        Api api = new Api(http);
        api.get("/api/admin/explorer").expectStatus().isUnauthorized();
        api.get("/api/admin/explorer", api.newUser("curious")).expectStatus().isForbidden();
    }

    @Test
    void aLimitOutOfRangeIsA400ProblemNotA500() {
        Api api = new Api(http);
        api.get("/api/admin/explorer?limit=101", newAdmin(api, admins, users))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("\"field\":\"limit\""));
    }

    @Test
    void theExplorerPageIsServedToAnyone() {
        new Api(http)
                .get("/explorer/index.html")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("Table explorer", "explorer.js"));
    }

    /** A new user with the admin role, logged in. */
    static TestUser newAdmin(Api api, AdminAccess admins, UserDirectory users) {
        TestUser admin = api.newUser("explorer_admin");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());
        return admin;
    }
}
