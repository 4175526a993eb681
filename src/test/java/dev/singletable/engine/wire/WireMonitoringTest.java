package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.process.RawHttp1;
import dev.singletable.process.RawHttp1.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wire server's monitoring (issue 20, the standalone engine's metrics): each operation answered reaches the
 * observer with its error code and status; {@code GET /metrics} serves the host's page only when it has one, under the
 * port's browser rules; requests refused before an operation is known are not observed.
 */
class WireMonitoringTest {

    private static final String PAGE = "# TYPE answered_total counter\nanswered_total 1.0\n";

    private static final List<String> observed = new CopyOnWriteArrayList<>();
    private static WireServer monitored;
    private static WireServer plain;

    @BeforeAll
    static void start() {
        StubDynamoDb backend = new StubDynamoDb();
        monitored = WireServer.start(
                WireServerOptions.defaults(),
                BrowserAccess.defaults(),
                WireBackends.fixed(backend, null),
                new WireMonitoring(
                        (operation, error, status, nanos) ->
                                observed.add(operation + " " + error + " " + status + (nanos > 0 ? "" : " no-time")),
                        () -> PAGE));
        plain = WireServer.start(WireServerOptions.defaults(), backend, null);
    }

    @AfterAll
    static void stop() {
        monitored.close();
        plain.close();
    }

    @Test
    void eachOperationAnsweredIsObservedWithItsErrorCode() {
        observed.clear();
        assertThat(RawHttp1.listTables(monitored.endpoint(), host(monitored)).status())
                .isEqualTo(200);
        // the stub's GetItem fails as an engine bug would: a 500 InternalServerError
        assertThat(post(monitored, "GetItem", "{\"TableName\":\"t\",\"Key\":{\"id\":{\"S\":\"a\"}}}")
                        .status())
                .isEqualTo(500);
        // a member of the wrong type: a SerializationException before the backend
        assertThat(post(monitored, "GetItem", "{\"TableName\":7}").status()).isEqualTo(400);
        // refused before an operation is known: a foreign Origin, an unknown target
        assertThat(RawHttp1.listTables(monitored.endpoint(), host(monitored), "Origin: https://evil.example")
                        .status())
                .isEqualTo(403);
        assertThat(post(monitored, "Frobnicate", "{}").status()).isEqualTo(400);
        assertThat(observed)
                .containsExactly(
                        "ListTables null 200", "GetItem InternalServerError 500", "GetItem SerializationException 400");
    }

    @Test
    void theMetricsPageIsServedUnderThePortsBrowserRules() {
        Response scrape = get(monitored, host(monitored));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.headers()).containsEntry("content-type", "text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.body()).isEqualTo(PAGE);

        assertThat(get(monitored, "evil.example:" + monitored.port()).status()).isEqualTo(403);
        Response crossOrigin = get(monitored, host(monitored), "Origin: https://evil.example");
        assertThat(crossOrigin.status()).isEqualTo(403);
        assertThat(crossOrigin.body()).doesNotContain("answered_total");
    }

    @Test
    void withoutAPageThereIsNoMetricsPath() {
        Response response = get(plain, host(plain));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("<UnknownOperationException/>\n");
    }

    private static String host(WireServer server) {
        return "127.0.0.1:" + server.port();
    }

    private static Response get(WireServer server, String host, String... headers) {
        StringBuilder head = new StringBuilder("GET /metrics HTTP/1.1\r\nHost: ")
                .append(host)
                .append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return RawHttp1.exchange(
                server.endpoint(), head.append("Connection: close\r\n\r\n").toString(), "");
    }

    private static Response post(WireServer server, String operation, String body) {
        return RawHttp1.exchange(
                server.endpoint(),
                "POST / HTTP/1.1\r\nHost: " + host(server)
                        + "\r\nX-Amz-Target: DynamoDB_20120810." + operation
                        + "\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n",
                body);
    }
}
