package dev.singletable.explorer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} run headless for one page: its DOM after the page's scripts ran, or a PNG screenshot.
 * {@code --virtual-time-budget} lets the page's fetches finish before the DOM is dumped. Every run gets a fresh
 * profile directory and no background traffic.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path workDir;

    HeadlessChromium(Path workDir) {
        this.workDir = workDir;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    String dumpDom(String url) throws IOException, InterruptedException {
        Path out = workDir.resolve("dom.html");
        run(List.of("--dump-dom", url), out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    Path screenshot(String url, int width, int height) throws IOException, InterruptedException {
        Path png = workDir.resolve("explorer.png");
        run(
                List.of("--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars", url),
                workDir.resolve("screenshot.log"));
        return png;
    }

    private void run(List<String> action, Path stdout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(workDir, "profile"),
                "--virtual-time-budget=20000"));
        command.addAll(action);
        Process chromium = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(workDir.resolve("chromium-stderr.log").toFile())
                .start();
        if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
    }
}
