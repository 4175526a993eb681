package dev.singletable.launch;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Keeps the failure analysis Spring Boot made of a failed start (registered in {@code META-INF/spring.factories},
 * beside Boot's own reporter that logs it), so the standalone engine can print it as one line on standard error
 * instead of a banner-framed report or a stack trace.
 */
public final class StartupFailureLine implements FailureAnalysisReporter {

    private static final AtomicReference<FailureAnalysis> LAST = new AtomicReference<>();

    @Override
    public void report(FailureAnalysis analysis) {
        LAST.set(analysis);
    }

    /** One line about {@code failure}: Spring Boot's analysis of it when there is one, else its deepest cause. */
    static String describe(Throwable failure) {
        FailureAnalysis analysis = LAST.get();
        if (analysis != null) {
            return oneLine(analysis.getDescription());
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "failed to start: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + oneLine(root.getMessage()))
                + " (--debug shows the details)";
    }

    /** Spring's descriptions may span lines ("Property: …", "Reason: …"): joined with "; ". */
    static String oneLine(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("; "))
                .replace(":; ", ": ");
    }
}
