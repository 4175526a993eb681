package dev.singletable.explorer;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One page of the table explorer: the table's items grouped by partition key, in the order the Scan read them. */
record ExplorerPage(
        @Schema(example = "singletable") String table,

        @Schema(
                description = "PK, SK, entityType, the key attributes of the indexes, then ttl",
                example = "[\"PK\", \"SK\", \"entityType\", \"GSI1PK\", \"GSI1SK\", \"LSI1SK\", \"ttl\"]")
        List<String> columns,

        List<Partition> partitions,

        @Schema(
                description = "Pass as ?cursor= for the next page; null on the last page. A partition may continue on "
                        + "the next page.",
                nullable = true)
        @Nullable
        String nextCursor) {

    /** The items of one partition key on this page, in sort-key order; each maps a column to its value. */
    public record Partition(
            @Schema(example = "USER#01JD4WZ8X3M2K7Q9R5T1V6B8NC")
            String pk,

            List<Map<String, String>> items) {}
}
