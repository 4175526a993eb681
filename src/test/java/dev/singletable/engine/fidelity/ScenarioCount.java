package dev.singletable.engine.fidelity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the differential comparisons a test run made, and how many of them were error paths, so the suite's coverage
 * is a measured number: {@code target/fidelity-scenarios-<transport>.txt} is written when the test JVM exits.
 */
final class ScenarioCount {

    private static final AtomicInteger SCENARIOS = new AtomicInteger();
    private static final AtomicInteger ERROR_PATHS = new AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ScenarioCount::write));
    }

    private ScenarioCount() {}

    /** The randomized test's comparisons are reported as operations, not as scenarios. */
    private static volatile boolean suspended;

    static void suspend(boolean value) {
        suspended = value;
    }

    static void record(boolean errorPath) {
        if (suspended) {
            return;
        }
        SCENARIOS.incrementAndGet();
        if (errorPath) {
            ERROR_PATHS.incrementAndGet();
        }
    }

    private static void write() {
        String transport = System.getProperty("fidelity.transport", "in-process");
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) {
            return;
        }
        String text = "transport=" + transport + "\nscenarios=" + SCENARIOS.get() + "\nerrorPaths=" + ERROR_PATHS.get()
                + "\n";
        try {
            Files.writeString(target.resolve("fidelity-scenarios-" + transport + ".txt"), text, StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // a statistic only: never fail the run for it
        }
    }
}
