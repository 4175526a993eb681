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

    /**
     * One page of a list, the whole exchange of a paged endpoint: where {@code page} starts (checked against the
     * binding), the read of at most {@code page.limit()} items from there, and the answer with the next page's cursor.
     */
    public <I, O> PageResponse<O> page(
            String binding, PageQuery page, PageReader<I> reader, Function<I, O> toResponse) {
        return response(binding, reader.read(page.limit(), start(binding, page)), toResponse);
    }

    public <I, O> PageResponse<O> response(String binding, Slice<I> slice, Function<I, O> toResponse) {
        return new PageResponse<>(
                slice.items().stream().map(toResponse).toList(), cursors.encode(binding, slice.nextKey()));
    }

    /** Reads one page of a list: at most {@code limit} items, from {@code start} (null: from the beginning). */
    @FunctionalInterface
    public interface PageReader<I> {
        Slice<I> read(int limit, @Nullable Map<String, AttributeValue> start);
    }
}
