package dev.singletable.history;

import dev.singletable.streams.ConditionalOnStreams;
import dev.singletable.table.QueryPager;
import dev.singletable.table.TableProperties;
import dev.singletable.web.ApiDocs;
import dev.singletable.web.OnePage;
import dev.singletable.web.PageQuery;
import dev.singletable.web.PageResponse;
import dev.singletable.web.Paging;
import dev.singletable.web.SignedIn;
import dev.singletable.web.Utf8Length;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * An item's change history from {@code <table>-history}, oldest first; admins only (the security configuration
 * refuses others).
 * Like every controller, not {@code @Validated}: Spring MVC validates the parameters itself and a bad one is a 400
 * problem, where the class-level annotation's proxy threw a ConstraintViolationException that answered 500.
 */
@RestController
@ConditionalOnStreams
@Tag(name = "History", description = "Every change of an item, recorded from the table's stream (admin)")
class HistoryController {

    /** DynamoDB's limits for key values (UTF-8 bytes): no item, here or in the main table, has a longer key. */
    static final int MAX_PARTITION_KEY_BYTES = 2048;

    static final int MAX_SORT_KEY_BYTES = 1024;

    private final QueryPager pager;
    private final Paging paging;
    private final String historyTable;

    HistoryController(QueryPager pager, Paging paging, TableProperties table) {
        this.pager = pager;
        this.paging = paging;
        this.historyTable = HistoryProjector.historyTableOf(table.name());
    }

    @GetMapping("/api/admin/history")
    @SignedIn
    @Operation(
            summary = "An item's change history (admin)",
            description = "Every change the stream listener recorded for the item with this table key, oldest first: "
                    + "the event, when, by whom, and the old and new images. Paged like every list.")
    @OnePage("One page of the item's changes")
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public PageResponse<HistoryEntryResponse> history(
            @Parameter(description = "The item's partition key", example = "USER#01JD4WZ8X3M2K7Q9R5T1V6B8NC")
                    @RequestParam
                    @Utf8Length(max = MAX_PARTITION_KEY_BYTES)
                    String pk,
            @Parameter(description = "The item's sort key", example = "PROFILE")
                    @RequestParam
                    @Utf8Length(max = MAX_SORT_KEY_BYTES)
                    String sk,
            @Valid @ParameterObject PageQuery page) {
        String key = HistoryProjector.historyKey(pk, sk);
        String binding = "history/" + key;
        var start = paging.start(binding, page);
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_PARTITION_KEY_BYTES) {
            // Both keys are possible in the main table, but an item with them has no history: its history key would
            // be over the partition key limit. Asking the store would only make it refuse the query.
            return new PageResponse<>(List.of(), null);
        }
        QueryRequest query = QueryRequest.builder()
                .tableName(historyTable)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(key)))
                .build();
        return paging.response(binding, pager.page(query, page.limit(), start, item -> item), HistoryEntryResponse::of);
    }
}
