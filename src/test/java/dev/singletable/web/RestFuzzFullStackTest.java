package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: the REST API under mutated requests. Every operation of {@code /v3/api-docs}, as anonymous, a user and an
 * admin, with mutated path variables, query parameters, headers and bodies (wrong types at every level, nulls, deep
 * nesting, huge numbers and strings, broken JSON, other media types): no 5xx, every error a problem+json, and the
 * service answers correctly afterwards. Seeded and bounded; a longer run:
 * {@code ./mvnw -o test-compile surefire:test@default-test -Dtest=RestFuzzFullStackTest -Drest.fuzz.requests=50000
 * -Drest.fuzz.seed=7}.
 */
@FullStackTest
class RestFuzzFullStackTest {

    static final int REQUESTS = Integer.getInteger("rest.fuzz.requests", 1500);
    static final long SEED = Long.getLong("rest.fuzz.seed", 17L);
    static final String[] METHODS = {"get", "post", "put", "patch", "delete"};

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    @LocalServerPort
    int port;

    Random random;

    @Test
    void mutatedRequestsToEveryOperationGetNo5xxAndOnlyProblems() throws Exception {
        Api api = new Api(http);
        TestUser user = api.newUser("fuzzed");
        TestUser admin = api.newUser("fuzzadmin");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());
        String tweet = api.tweet(user, "fuzz target");
        random = new Random(SEED);

        JsonNode paths = JsonMapper.shared()
                .readTree(api.get("/v3/api-docs")
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .get("paths");
        List<String[]> operations = new ArrayList<>();
        for (Iterator<String> names = paths.propertyNames().iterator(); names.hasNext(); ) {
            String path = names.next();
            for (String method : METHODS) {
                // Logging out would end the identities the fuzzer uses; it takes no input besides the token.
                if (paths.get(path).has(method) && !path.equals("/api/sessions/current")) {
                    operations.add(new String[] {method, path});
                }
            }
        }
        assertThat(operations).hasSizeGreaterThan(25);

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String[] operation = operations.get(random.nextInt(operations.size()));
            String token =
                    switch (random.nextInt(4)) {
                        case 0 -> null;
                        case 1 -> user.token();
                        case 2 -> admin.token();
                        default -> random.nextBoolean() ? "not-a-token" : user.token() + "x";
                    };
            String uri = path(operation[1], user, tweet) + query();
            HttpRequest.Builder request;
            try {
                request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri));
            } catch (IllegalArgumentException unsendable) {
                continue;
            }
            request.timeout(Duration.ofSeconds(10));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers(request);
            String body = operation[0].equals("get") || operation[0].equals("delete") ? null : body();
            request.method(
                    operation[0].toUpperCase(),
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException staleConnection) {
                response = null;
            }
            if (response == null) {
                // A pooled connection the server had closed after an earlier error (the JDK's client retries only
                // idempotent requests): once more on a fresh connection, where no answer is a finding.
                try {
                    HttpClient fresh = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build();
                    response = fresh.send(request.build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException noAnswer) {
                    failures.add(operation[0].toUpperCase() + " " + abbreviate(uri) + " (" + uri.length()
                            + " chars) body=" + abbreviate(body) + " -> no answer: " + noAnswer.getMessage());
                    continue;
                }
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean problem = response.statusCode() < 400
                    || response.statusCode() == 304
                    || (type.startsWith("application/problem+json")
                            && response.body().contains("\"type\""));
            if (response.statusCode() >= 500 || !problem) {
                failures.add(operation[0].toUpperCase() + " " + uri + " body=" + abbreviate(body) + " -> "
                        + response.statusCode() + " " + type + " " + abbreviate(response.body()));
            }
        }

        assertThat(failures)
                .as("requests answered with 5xx or without a problem")
                .isEmpty();
        // The service answers correctly afterwards.
        api.get("/api/users/" + user.username()).expectStatus().isOk();
        // (the fuzzer may have deleted its tweet, as its author: a new one is written and read back)
        api.get("/api/tweets/" + api.tweet(user, "after the fuzz"))
                .expectStatus()
                .isOk();
        assertThat(api.login(admin.username(), admin.password())).isNotBlank();
    }

    private String path(String template, TestUser user, String tweet) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                return out.append(template.substring(at)).toString();
            }
            int close = template.indexOf('}', open);
            String name = template.substring(open + 1, close);
            String real =
                    switch (name) {
                        case "username", "other" -> user.username();
                        case "id" -> tweet;
                        case "sku" -> "MUG-001";
                        default -> "x";
                    };
            String value = random.nextInt(3) == 0 ? real : text();
            out.append(template, at, open).append(encode(value));
            at = close + 1;
        }
    }

    private String query() {
        if (random.nextInt(3) == 0) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        String[] names = {"limit", "cursor", "status", "pk", "sk", "category", "q", "limit"};
        for (int n = random.nextInt(4); n >= 0; n--) {
            query.append(encode(names[random.nextInt(names.length)]))
                    .append('=')
                    .append(encode(text()))
                    .append('&');
        }
        return query.toString();
    }

    private void headers(HttpRequest.Builder request) {
        String[] types = {
            "application/json",
            "application/merge-patch+json",
            "text/plain",
            "application/xml",
            "application/json; charset=latin1",
            "multipart/form-data; boundary=x",
            "*/*",
            "garbage"
        };
        request.header("Content-Type", types[random.nextInt(types.length)]);
        if (random.nextBoolean()) {
            request.header("If-Match", random.nextBoolean() ? "\"" + random.nextInt(5) + "\"" : headerText());
        }
        if (random.nextInt(4) == 0) {
            request.header("Idempotency-Key", headerText());
        }
        if (random.nextInt(4) == 0) {
            String[] accepts = {"application/xml", "text/html", "*/*", "application/json", "image/png"};
            request.header("Accept", accepts[random.nextInt(accepts.length)]);
        }
        if (random.nextInt(5) == 0) {
            request.header("If-None-Match", random.nextBoolean() ? "*" : "\"" + random.nextInt(5) + "\"");
        }
    }

    /** A value of a random JSON shape: the fields the API knows, with values of every type. */
    private String body() {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> "{\"text\":";
            case 2 -> "null";
            case 3 -> "[" + value(0) + "]";
            case 4 -> "{".repeat(2000) + "}".repeat(2000);
            default -> object(0);
        };
    }

    private String object(int depth) {
        String[] fields = {
            "text",
            "username",
            "email",
            "password",
            "displayName",
            "sku",
            "name",
            "category",
            "description",
            "priceCents",
            "stock",
            "rating",
            "comment",
            "items",
            "quantity",
            "status",
            "x"
        };
        StringBuilder out = new StringBuilder("{");
        for (int n = random.nextInt(6); n >= 0; n--) {
            out.append('"')
                    .append(fields[random.nextInt(fields.length)])
                    .append("\":")
                    .append(value(depth + 1))
                    .append(n == 0 ? "" : ",");
        }
        return out.append('}').toString();
    }

    private String value(int depth) {
        return switch (random.nextInt(depth > 3 ? 9 : 11)) {
            case 0 -> "null";
            case 1 -> Integer.toString(random.nextInt(20) - 5);
            case 2 -> "1.5";
            case 3 -> "1e400";
            case 4 -> "99999999999999999999999999";
            case 5 -> random.nextBoolean() ? "true" : "false";
            case 6, 7 -> "\"" + text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 8 -> "-0";
            case 9 -> "[" + value(depth + 1) + "," + object(depth + 1) + "]";
            default -> object(depth);
        };
    }

    private String text() {
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> "a".repeat(2100);
            case 2 -> "ä€😀".repeat(random.nextInt(400));
            case 3 -> "PLACED";
            case 4 -> "MUG-001";
            case 5 -> "' OR 1=1 --";
            case 6 -> "\u0000\u0001\t\n";
            case 7 -> "USER#x";
            default -> Long.toString(random.nextLong(), 36);
        };
    }

    /** What the JDK's client sends as a header value: printable ASCII. */
    private String headerText() {
        return text().replaceAll("[^\\x20-\\x7e]", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
