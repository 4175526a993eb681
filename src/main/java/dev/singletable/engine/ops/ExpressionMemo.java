package dev.singletable.engine.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A transaction action's compiled expressions by everything they are compiled from: the action's kind, its
 * expression texts, and its ExpressionAttributeNames and ExpressionAttributeValues as sent. Compiling
 * ({@link RequestExpressions#compile}: the maps' checks, the values' normalisation, placeholder resolution, the
 * unused-placeholder check) is a function of those alone, before any table is looked up, and its result is immutable,
 * so an equal key gets an equal answer. Applications send the same few actions over and over: an order's new items on
 * {@code attribute_not_exists(#pk)}, its stock decrements with a small quantity, the stream projections' markers;
 * compiling them again was a tenth of a TransactWriteItems's CPU and of its allocation in the engine (issue 21,
 * docs/benchmarks.md "An order's CPU"). The expressions' syntax is cached by text already ({@code SyntaxCache}); this
 * skips the per-request resolution too.
 *
 * <p>Only successful compilations are kept (an invalid action fails the same way every time, through the full path),
 * and only for small values (a few scalars: a memo of large values would hold their memory); bounded: when full it
 * starts afresh, which costs only compiling again.
 */
final class ExpressionMemo {

    private static final int MAX_ENTRIES = 1024;
    private static final int MAX_VALUES = 8;
    private static final int MAX_VALUE_CHARS = 128;

    /**
     * What an action's expressions are compiled from. The maps are the request's own (the SDK's built requests hold
     * unmodifiable copies), null when the request did not send them.
     */
    record Key(
            String action,
            @Nullable String update,
            @Nullable String condition,
            @Nullable Map<String, String> names,
            @Nullable Map<String, AttributeValue> values) {}

    private final ConcurrentHashMap<Key, RequestExpressions.Compiled> entries = new ConcurrentHashMap<>();

    /** The compilation for this key: remembered, or compiled now (and remembered when it succeeds). */
    RequestExpressions.Compiled compile(Key key, Supplier<RequestExpressions.Compiled> compilation) {
        if (!small(key.values())) {
            return compilation.get();
        }
        RequestExpressions.Compiled known = entries.get(key);
        if (known != null) {
            return known;
        }
        RequestExpressions.Compiled compiled = compilation.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, compiled);
        return compiled;
    }

    /** A few scalar values, each of one type and short: worth keeping, and cheap to hash and compare. */
    private static boolean small(@Nullable Map<String, AttributeValue> values) {
        if (values == null) {
            return true;
        }
        if (values.size() > MAX_VALUES) {
            return false;
        }
        for (AttributeValue value : values.values()) {
            if (value == null || !scalar(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean scalar(AttributeValue value) {
        if (value.b() != null || value.hasSs() || value.hasNs() || value.hasBs() || value.hasM() || value.hasL()) {
            return false;
        }
        int set = (value.s() != null ? 1 : 0)
                + (value.n() != null ? 1 : 0)
                + (value.bool() != null ? 1 : 0)
                + (value.nul() != null ? 1 : 0);
        return set == 1
                && (value.s() == null || value.s().length() <= MAX_VALUE_CHARS)
                && (value.n() == null || value.n().length() <= MAX_VALUE_CHARS);
    }
}
