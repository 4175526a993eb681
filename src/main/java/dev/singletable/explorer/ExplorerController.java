package dev.singletable.explorer;

import dev.singletable.table.SingleTable;
import dev.singletable.web.ApiDocs;
import dev.singletable.web.PageQuery;
import dev.singletable.web.PageResponse;
import dev.singletable.web.Paging;
import dev.singletable.web.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON behind the table explorer page ({@code /explorer/index.html}); admins only (the security configuration
 * refuses others).
 * Like every controller, not {@code @Validated}: Spring MVC validates the parameters itself and a bad one is a 400
 * problem, where the class-level annotation's proxy threw a ConstraintViolationException that answered 500.
 */
@RestController
@Tag(name = "Table explorer", description = "A read-only look at the single table's items and keys (admin)")
class ExplorerController {

    private static final String BINDING = "explorer";

    private final TableExplorer explorer;
    private final Paging paging;

    ExplorerController(TableExplorer explorer, Paging paging) {
        this.explorer = explorer;
        this.paging = paging;
    }

    @GetMapping("/api/admin/explorer")
    @SignedIn
    @Operation(
            summary = "Every item of the table, grouped by partition key",
            description = "Pages through the single table (a Scan: the one the service makes) showing each item's "
                    + "table and index key attributes, entityType and ttl, never other attributes. Admin only.")
    @ApiResponse(responseCode = "200", description = "One page of items, grouped by partition key")
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public ExplorerPage explore(@Valid @ParameterObject PageQuery page) {
        PageResponse<Map<String, String>> rows = paging.page(BINDING, page, explorer::page, row -> row);
        return new ExplorerPage(explorer.tableName(), explorer.columns(), byPartition(rows.items()), rows.nextCursor());
    }

    /** Consecutive items with one partition key form a group (a Scan returns a partition's items together). */
    static List<ExplorerPage.Partition> byPartition(List<Map<String, String>> rows) {
        List<ExplorerPage.Partition> partitions = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String pk = Objects.requireNonNull(row.get(SingleTable.PK), "a Scan returns every item's key");
            ExplorerPage.Partition last = partitions.isEmpty() ? null : partitions.get(partitions.size() - 1);
            if (last == null || !last.pk().equals(pk)) {
                last = new ExplorerPage.Partition(pk, new ArrayList<>());
                partitions.add(last);
            }
            last.items().add(row);
        }
        return partitions;
    }
}
