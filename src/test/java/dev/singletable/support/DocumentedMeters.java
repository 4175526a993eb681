package dev.singletable.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meter names {@code docs/operations.md} promises, read from its tables, so that the tests which scrape a
 * Prometheus endpoint check the document a reader has rather than a copy of it.
 */
public final class DocumentedMeters {

    private static final Path OPERATIONS = Path.of("docs", "operations.md");

    /** A table row whose first cell is a Prometheus name in backquotes. */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\|");

    private DocumentedMeters() {}

    /**
     * The first column of the table whose header row starts with {@code header} (e.g. {@code "| meter (Prometheus
     * name) |"}), down to the first blank line.
     */
    public static List<String> inTable(String header) {
        List<String> names = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines()) {
            if (line.startsWith(header)) {
                inTable = true;
            } else if (inTable && line.isBlank()) {
                break;
            } else if (inTable) {
                Matcher row = TABLE_ROW.matcher(line);
                if (row.find()) {
                    names.add(row.group(1));
                }
            }
        }
        return names;
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(OPERATIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
