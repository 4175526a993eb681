package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.process.RawHttp1;
import dev.singletable.process.RawHttp1.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a web page can do with the engine's port (issue 17, finding 7): by default nothing — no CORS headers for any
 * origin, preflights refused, requests carrying a foreign Origin refused, and a Host name a page could have re-pointed
 * at 127.0.0.1 (DNS rebinding) refused. Configured origins and hosts work. Raw HTTP over a socket, because a browser's
 * requests are what is modelled and {@code java.net.http} will not send a chosen Host header.
 */
class WireBrowserAccessTest {

    private static final String LIST_TABLES = "DynamoDB_20120810.ListTables";
    private static final String APP = "https://app.example";
    private static final String EVIL = "https://evil.example";

    private static WireServer closed;
    private static WireServer configured;
    private static WireServer anyOrigin;

    @BeforeAll
    static void start() {
        StubDynamoDb backend = new StubDynamoDb();
        closed = WireServer.start(WireServerOptions.defaults(), backend, null);
        configured = WireServer.start(
                WireServerOptions.defaults(),
                BrowserAccess.defaults()
                        .withCorsOrigins(List.of(APP, "http://localhost:3000/"))
                        .withAllowedHosts(List.of("dynamodb.dev.example")),
                backend,
                null);
        anyOrigin = WireServer.start(
                WireServerOptions.defaults(), BrowserAccess.defaults().withCorsOrigins(List.of("*")), backend, null);
    }

    @AfterAll
    static void stop() {
        for (WireServer server : new WireServer[] {closed, configured, anyOrigin}) {
            server.close();
        }
    }

    @Test
    void aForeignOriginGetsNoCorsHeaderAndNoData() {
        Response response = post(closed, host(closed), "Origin: " + EVIL);
        assertThat(response.headers()).doesNotContainKey("access-control-allow-origin");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body())
                .startsWith("{\"__type\":\"com.amazon.coral.service#AccessDeniedException\"")
                .contains("-cors", "singletable.engine.cors.allowed-origins")
                .doesNotContain("alpha");
    }

    @Test
    void aPreflightFromAForeignOriginIsRefused() {
        for (WireServer server : List.of(closed, configured)) {
            Response response = preflight(server, EVIL);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.headers())
                    .doesNotContainKeys(
                            "access-control-allow-origin",
                            "access-control-allow-methods",
                            "access-control-allow-headers");
        }
    }

    @Test
    void aConfiguredOriginWorks() {
        Response preflight = preflight(configured, APP);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.headers())
                .containsEntry("access-control-allow-origin", APP)
                .containsEntry("access-control-allow-methods", "POST")
                .containsEntry("access-control-allow-headers", "content-type,x-amz-target,authorization");

        Response response = post(configured, host(configured), "Origin: " + APP);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"TableNames\":[\"alpha\",\"beta\"]}");
        assertThat(response.headers())
                .containsEntry("access-control-allow-origin", APP)
                .containsEntry("vary", "Origin");

        // origins compare without case and without a trailing slash
        assertThat(post(configured, host(configured), "Origin: http://LOCALHOST:3000")
                        .headers())
                .containsEntry("access-control-allow-origin", "http://LOCALHOST:3000");
        assertThat(post(configured, host(configured), "Origin: " + EVIL).status())
                .isEqualTo(403);
    }

    @Test
    void starAllowsEveryOriginAsAwsDoes() {
        Response response = post(anyOrigin, host(anyOrigin), "Origin: " + EVIL);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("access-control-allow-origin", "*");
        assertThat(response.headers().get("access-control-expose-headers")).contains("x-amzn-RequestId", "x-amz-crc32");
    }

    /** A page of evil.example whose DNS now answers 127.0.0.1: same-origin to the browser, refused by Host. */
    @Test
    void aReboundHostNameIsRefused() {
        for (WireServer server : List.of(closed, configured)) {
            String rebound = "evil.example:" + server.port();
            Response response = post(server, rebound, "Origin: http://" + rebound);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body())
                    .contains("AccessDeniedException", "singletable.engine.allowed-hosts")
                    .doesNotContain("alpha");
            assertThat(exchange(server, "GET / HTTP/1.1\r\nHost: " + rebound + "\r\n\r\n", "")
                            .status())
                    .isEqualTo(403);
        }
    }

    /** The guard remembers the Host it last let through: that must not let the next, different one through. */
    @Test
    void aHostLetThroughDoesNotOpenTheDoorToTheNextOne() {
        String allowed = host(closed);
        String rebound = "evil.example:" + closed.port();
        for (int round = 0; round < 3; round++) {
            assertThat(post(closed, allowed).status()).isEqualTo(200);
            assertThat(post(closed, allowed).status()).isEqualTo(200);
            assertThat(post(closed, rebound).status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "LocalHost", "[::1]", "10.0.0.7", "engine", "app.localhost"})
    void namesAPageCannotReboundAreServed(String name) {
        Response response = post(closed, name + ":" + closed.port());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("alpha");
    }

    @Test
    void configuredHostsAndTheSameOriginAreServed() {
        assertThat(post(configured, "dynamodb.dev.example:8000").status()).isEqualTo(200);
        assertThat(post(closed, "dynamodb.dev.example:8000").status()).isEqualTo(403);
        // a browser sends Origin with a same-origin POST too
        String self = "localhost:" + closed.port();
        assertThat(post(closed, self, "Origin: http://" + self).status()).isEqualTo(200);
        // no browser sends HTTP/1.0 without Host
        assertThat(exchange(
                                closed,
                                "POST / HTTP/1.0\r\nX-Amz-Target: " + LIST_TABLES
                                        + "\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\n\r\n",
                                "{}")
                        .status())
                .isEqualTo(200);
    }

    private static String host(WireServer server) {
        return "127.0.0.1:" + server.port();
    }

    private static Response post(WireServer server, String host, String... headers) {
        return RawHttp1.listTables(server.endpoint(), host, headers);
    }

    private static Response preflight(WireServer server, String origin) {
        return RawHttp1.preflight(server.endpoint(), origin);
    }

    private static Response exchange(WireServer server, String head, String body) {
        return RawHttp1.exchange(server.endpoint(), head, body);
    }
}
