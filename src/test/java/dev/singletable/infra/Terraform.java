package dev.singletable.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code terraform} binary for tests: offline, without telemetry, and with the provider taken from a local
 * filesystem mirror when the machine has one (so {@code init} links the 700 MB provider instead of copying it).
 */
final class Terraform {

    /** Where this project's machines keep hashicorp/aws; overridable for other machines. */
    static final Path DEFAULT_PLUGIN_MIRROR = Path.of("/opt/tf-plugins");

    private static final long TIMEOUT_MINUTES = 10;

    private final Path binary;
    private final Path cliConfig;

    private Terraform(Path binary, Path cliConfig) {
        this.binary = binary;
        this.cliConfig = cliConfig;
    }

    /** The terraform on the PATH, or empty when there is none (tests then skip). */
    static Optional<Path> findBinary() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "terraform"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * @param binary  the terraform executable
     * @param workDir where the CLI configuration file is written
     */
    static Terraform create(Path binary, Path workDir) {
        String mirror = System.getenv().getOrDefault("SINGLETABLE_TF_PLUGIN_MIRROR", DEFAULT_PLUGIN_MIRROR.toString());
        StringBuilder config = new StringBuilder();
        if (Files.isDirectory(Path.of(mirror))) {
            config.append("provider_installation {\n  filesystem_mirror {\n    path = \"")
                    .append(mirror.replace("\\", "\\\\"))
                    .append("\"\n  }\n}\n");
        }
        Path cliConfig = workDir.resolve("terraform.tfrc");
        try {
            Files.writeString(cliConfig, config.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Terraform(binary, cliConfig);
    }

    /** Runs {@code terraform <args>} in {@code dir}; fails with the whole output when the exit code is not 0. */
    String run(Path dir, String... args) {
        Result result = tryRun(dir, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("terraform " + String.join(" ", args) + " exited with " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.output();
    }

    /** Runs {@code terraform <args>} in {@code dir} and returns its exit code with stdout and stderr together. */
    Result tryRun(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("CHECKPOINT_DISABLE", "1");
        builder.environment().put("TF_IN_AUTOMATION", "1");
        builder.environment().put("TF_INPUT", "0");
        builder.environment().put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        try {
            // Output goes to a file, not a pipe: a pipe nobody reads could stall terraform, and the timeout would
            // then never be reached.
            Path log = Files.createTempFile(cliConfig.getParent(), "terraform-", ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("terraform " + String.join(" ", args) + " did not finish in time");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running terraform", e);
        }
    }

    record Result(int exitCode, String output) {}
}
