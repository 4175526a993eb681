package dev.singletable.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version the build recorded: {@code META-INF/build-info.properties} (Spring Boot's {@code build-info} goal) and
 * {@code git.properties} (git-commit-id plugin), the same sources as {@code /actuator/info}.
 */
final class Version {

    private Version() {}

    static String text() {
        Properties build = load("META-INF/build-info.properties");
        Properties git = load("git.properties");
        StringBuilder text = new StringBuilder("singletable ").append(build.getProperty("build.version", "(unknown)"));
        String commit = git.getProperty("git.commit.id.abbrev");
        if (commit != null && !commit.isBlank()) {
            text.append(" (commit ").append(commit).append(')');
        }
        String time = build.getProperty("build.time");
        if (time != null) {
            text.append(", built ").append(time);
        }
        return text.append(", Java ").append(System.getProperty("java.version")).toString();
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return properties;
    }
}
