package dev.singletable.launch;

import dev.singletable.table.EngineOnlyApplication;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code java -jar singletable.jar --engine-only}: the engine and its DynamoDB port as a process of their own, the way
 * DynamoDB Local runs. Every thread the engine starts is a daemon (an embedded engine must never keep its host's JVM
 * alive), so this process keeps itself alive ({@link SpringApplication#setKeepAlive}) until the context is closed:
 * by SIGTERM or Ctrl-C ({@link ExitOnSignal}), which end it with status 0. A failed start ends it with status 1 and
 * one line on standard error naming the cause and the setting to change ({@link StartupFailureLine}); {@code --debug}
 * brings back Spring Boot's full report.
 */
public final class StandaloneEngine {

    /** Status of a start that failed. */
    static final int START_FAILED = 1;

    private StandaloneEngine() {}

    /**
     * The one line printed on a failed start replaces Boot's framed report and its stack trace, unless
     * {@code --debug} asks for them.
     */
    private static Map<String, Object> defaults(boolean debug) {
        return debug
                ? Map.of()
                : Map.of(
                        "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF",
                        "logging.level.org.springframework.boot.SpringApplication", "OFF",
                        "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext",
                                "ERROR",
                        "logging.level.org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger",
                                "WARN");
    }

    /** Starts the engine and returns; the process then serves until it is stopped. */
    public static void run(List<String> springArguments) {
        boolean debug = springArguments.contains("--debug") || springArguments.contains("--trace");
        SpringApplication application = new SpringApplicationBuilder(EngineOnlyApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(defaults(debug))
                .build();
        application.setKeepAlive(true);
        ExitOnSignal.install();
        try {
            application.run(springArguments.toArray(String[]::new));
        } catch (Throwable failure) {
            System.err.println("singletable --engine-only: " + StartupFailureLine.describe(failure));
            System.exit(START_FAILED);
        }
    }
}
