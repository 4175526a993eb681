package dev.singletable.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the table layout from the classpath; one place, so the service and its tests see the same file. */
public final class TableLayoutLoader {

    public static final String RESOURCE = "/table/singletable-table.json";

    private TableLayoutLoader() {}

    public static TableLayout load() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = TableLayoutLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("table layout " + RESOURCE + " is missing from the classpath");
            }
            return mapper.readValue(in, TableLayout.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
