package dev.singletable.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code json-logs} profile of application.yml turns the console into one ECS JSON object a line, with the
 * request id as a field. Starts Spring Boot's logging on an empty context (no service beans: fast).
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsProfileTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {}

    /**
     * Boot keeps the chosen format in a system property that a later start does not clear: without this, every
     * Spring context started after this test in the same JVM would log JSON.
     */
    @BeforeEach
    @AfterEach
    void backToPlainLogs() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        System.clearProperty("FILE_LOG_STRUCTURED_FORMAT");
        start().close();
    }

    @Test
    void logLinesAreEcsJsonWithTheRequestId(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("json-logs")) {
            MDC.put(RequestIdFilter.MDC_KEY, "req-7");
            try {
                LoggerFactory.getLogger(JsonLogsProfileTest.class).info("structured hello");
            } finally {
                MDC.remove(RequestIdFilter.MDC_KEY);
            }
        }

        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("structured hello"))
                .findFirst()
                .orElseThrow();
        assertThat(line)
                .startsWith("{")
                .endsWith("}")
                .contains("\"message\":\"structured hello\"")
                .contains("\"requestId\":\"req-7\"")
                .contains("\"log\":{\"level\":\"INFO\"")
                .contains("\"ecs\":{\"version\"");
    }

    @Test
    void plainLogLinesCarryTheRequestIdInBracketsAndNothingOutsideRequests(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start()) {
            MDC.put(RequestIdFilter.MDC_KEY, "req-8");
            try {
                LoggerFactory.getLogger(JsonLogsProfileTest.class).info("plain inside");
            } finally {
                MDC.remove(RequestIdFilter.MDC_KEY);
            }
            LoggerFactory.getLogger(JsonLogsProfileTest.class).info("plain outside");
        }

        String inside = output.getOut()
                .lines()
                .filter(l -> l.contains("plain inside"))
                .findFirst()
                .orElseThrow();
        String outside = output.getOut()
                .lines()
                .filter(l -> l.contains("plain outside"))
                .findFirst()
                .orElseThrow();
        assertThat(inside).doesNotStartWith("{").contains("[req-8] ");
        assertThat(outside).doesNotContain("[]");
    }

    private static ConfigurableApplicationContext start(String... profiles) {
        return new SpringApplicationBuilder(NoBeans.class)
                .web(WebApplicationType.NONE)
                .profiles(profiles)
                .properties("spring.main.banner-mode=off")
                .run();
    }
}
