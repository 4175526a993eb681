package dev.singletable;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The service as a user first meets it: it starts on the embedded engine, creates its table, and is healthy. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"singletable.engine.in-memory=true", "singletable.engine.port=-1"})
class ApplicationSmokeTest {

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbClient dynamo;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void apiDocsAndSwaggerUiArePublic() throws Exception {
        assertThat(get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs").body()).contains("\"openapi\"").contains("bearer");
        assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }

    @Test
    void everythingElseNeedsAnAuthenticatedCaller() throws Exception {
        assertThat(get("/api/anything").statusCode()).isEqualTo(401);
    }

    @Test
    void theSingleTableExistsWithItsIndexesAndTtl() {
        var table = dynamo.describeTable(r -> r.tableName("singletable")).table();
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.globalSecondaryIndexes())
                .extracting(g -> g.indexName())
                .containsExactlyInAnyOrder("GSI1", "OrdersByStatus", "GSI3");
        assertThat(table.localSecondaryIndexes()).extracting(l -> l.indexName()).containsExactly("LSI1");
        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(dynamo.describeTimeToLive(r -> r.tableName("singletable"))
                        .timeToLiveDescription()
                        .timeToLiveStatus())
                .isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
