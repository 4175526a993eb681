package dev.singletable.web;

import dev.singletable.table.Slice;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The API side of paging: {@code ?limit=} (1–100, default 20) and {@code ?cursor=} in ({@link PageQuery}),
 * {@code {items, nextCursor}} out.
 * A binding names the query a cursor belongs to (the path it was issued for, normalised), so a cursor only ever
 * continues the list it came from.
 */
@Component
public class Paging {

    static final String DEFAULT_LIMIT = "20";
    static final int MAX_LIMIT = 100;
    static final String LIMIT_DESCRIPTION = "How many items to return, 1 to 100";
    static final String CURSOR_DESCRIPTION = "nextCursor from the previous page; absent for the first page";

    private final CursorCodec cursors;

    Paging(CursorCodec cursors) {
        this.cursors = cursors;
    }

    /** Where the page starts: null for the first page; 400 invalid-cursor for a cursor not issued for this binding. */
    public @Nullable Map<String, AttributeValue> start(String binding, PageQuery page) {
        return cursors.decode(binding, page.cursor());
    }

    public <I, O> PageResponse<O> response(String binding, Slice<I> slice, Function<I, O> toResponse) {
        return new PageResponse<>(
                slice.items().stream().map(toResponse).toList(), cursors.encode(binding, slice.nextKey()));
    }
}
