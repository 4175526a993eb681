package dev.singletable.history;

import dev.singletable.admin.AdminAccess;
import dev.singletable.streams.ConditionalOnStreams;
import dev.singletable.table.QueryPager;
import dev.singletable.table.TableProperties;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.PageResponse;
import dev.singletable.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * An item's change history from {@code <table>-history}, oldest first; admins only ({@link AdminAccess}).
 * Like every controller, not {@code @Validated}: Spring MVC validates the parameters itself and a bad one is a 400
 * problem, where the class-level annotation's proxy threw a ConstraintViolationException that answered 500.
 */
@RestController
@ConditionalOnStreams
class HistoryController {

    private final QueryPager pager;
    private final Paging paging;
    private final String historyTable;
    private final AdminAccess admins;

    HistoryController(QueryPager pager, Paging paging, TableProperties table, AdminAccess admins) {
        this.admins = admins;
        this.pager = pager;
        this.paging = paging;
        this.historyTable = HistoryProjector.historyTableOf(table.name());
    }

    @GetMapping("/api/admin/history")
    @Operation(summary = "An item's change history", description = "Every change the stream listener recorded, oldest first. Admin only.")
    public PageResponse<HistoryEntryResponse> history(
            @Parameter(example = "USER#01JD4WZ8X3M2K7Q9R5T1V6B8NC") @RequestParam String pk,
            @Parameter(example = "PROFILE") @RequestParam String sk,
            @RequestParam(defaultValue = Paging.DEFAULT_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor,
            @AuthenticationPrincipal AuthenticatedUser caller) {
        admins.require(caller);
        String key = HistoryProjector.historyKey(pk, sk);
        String binding = "history/" + key;
        QueryRequest query = QueryRequest.builder().tableName(historyTable)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(key)))
                .build();
        return paging.response(binding, pager.page(query, limit, paging.start(binding, cursor), item -> item),
                HistoryEntryResponse::of);
    }
}
