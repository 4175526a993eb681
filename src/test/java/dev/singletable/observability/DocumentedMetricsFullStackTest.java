package dev.singletable.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.DocumentedMeters;
import dev.singletable.support.FullStackTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics table of docs/operations.md against a real Prometheus scrape: every meter named there is exported under
 * exactly that name, the timers as histograms with their SLO buckets, and the stream lag in seconds with a description;
 * and the Grafana dashboard in infra/grafana queries only those meters.
 */
@FullStackTest
class DocumentedMetricsFullStackTest {

    /** A metric name as a query selects it: the dashboard always gives a label matcher ({job=~"$job"}). */
    private static final Pattern SELECTED_METRIC = Pattern.compile("([a-z_][a-z0-9_]*)\\{");

    @Autowired
    RestTestClient http;

    @Test
    void everyDocumentedMeterIsInTheScrapeUnderItsDocumentedName() throws IOException {
        List<String> documented = DocumentedMeters.inTable("| meter (Prometheus name) |");
        assertThat(documented)
                .hasSizeGreaterThan(10)
                .contains(
                        "singletable_streams_lag_seconds",
                        "singletable_dynamodb_throttles_total",
                        "http_server_requests_seconds");
        new Api(http).newUser("metrics"); // an HTTP request and store calls before the scrape

        String scrape = scrape();
        for (String name : documented) {
            assertThat(Pattern.compile("(?m)^" + name + "(_bucket|_count|_sum|_max)?[{ ]")
                            .matcher(scrape)
                            .find())
                    .as("docs/operations.md names %s; the scrape has no such series", name)
                    .isTrue();
        }
        assertThat(scrape)
                .doesNotContain("singletable_streams_lag_millis")
                .containsPattern("(?m)^# HELP singletable_streams_lag_seconds \\S");
    }

    @Test
    void requestAndStoreTimersAreHistogramsWithTheirSloBuckets() {
        new Api(http).newUser("histogram");
        String scrape = scrape();
        assertThat(scrape)
                .containsPattern("(?m)^http_server_requests_seconds_bucket\\{[^}]*le=\"0\\.005\"")
                .containsPattern("(?m)^http_server_requests_seconds_bucket\\{[^}]*le=\"1\\.0\"")
                .containsPattern("(?m)^singletable_dynamodb_requests_seconds_bucket\\{[^}]*le=\"0\\.001\"")
                .containsPattern(
                        "(?m)^singletable_dynamodb_requests_seconds_bucket\\{[^}]*operation=\"TransactWriteItems\"");
        // no long-task timer per request (management.metrics.observations.ignored-meters, docs/operations.md)
        assertThat(scrape).doesNotContain("http_server_requests_active_seconds");
    }

    @Test
    void failureCountersAreThereBeforeAnyFailure() {
        String scrape = scrape();
        assertThat(scrape)
                .containsPattern("(?m)^singletable_dynamodb_throttles_total\\{[^}]*operation=\"Query\"")
                .containsPattern(
                        "(?m)^singletable_dynamodb_conditional_check_failures_total\\{[^}]*operation=\"PutItem\"")
                .containsPattern(
                        "(?m)^singletable_dynamodb_transaction_conflicts_total\\{[^}]*operation=\"TransactWriteItems\"")
                .containsPattern("(?m)^singletable_engine_capacity_throttled_total\\{");
    }

    @Test
    void theGrafanaDashboardQueriesOnlyDocumentedMetricsTheServiceExports() throws IOException {
        JsonNode dashboard = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Path.of("infra", "grafana", "singletable-dashboard.json")));
        List<String> documented = DocumentedMeters.inTable("| meter (Prometheus name) |");
        new Api(http).newUser("dashboard");
        String scrape = scrape();
        int queries = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asString().equals("row")) {
                continue;
            }
            assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asString();
                Matcher metric = SELECTED_METRIC.matcher(expr);
                assertThat(metric.find()).as("a metric in %s", expr).isTrue();
                do {
                    String series = metric.group(1);
                    assertThat(documented)
                            .as("%s is in docs/operations.md", series)
                            .contains(series.replaceFirst("_(bucket|count|sum|max)$", ""));
                    assertThat(Pattern.compile("(?m)^" + series + "[{ ]")
                                    .matcher(scrape)
                                    .find())
                            .as("the scrape has %s (queried by %s)", series, expr)
                            .isTrue();
                } while (metric.find());
                queries++;
            }
        }
        assertThat(queries).isGreaterThan(10);
    }

    private String scrape() {
        return http.get()
                .uri("/actuator/prometheus")
                .headers(h -> h.setBasicAuth("prometheus", FullStackTest.SCRAPE_PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
