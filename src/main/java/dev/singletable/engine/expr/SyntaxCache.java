package dev.singletable.engine.expr;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Parsed and usage-checked expressions by kind and text. Applications send the same few expression strings over and
 * over with different placeholder values; lexing, parsing and the usage checks depend on the text alone, so they run
 * once per text, and only placeholder resolution runs per request. Only expressions that passed those checks are
 * kept (an invalid one fails the same way every time), and the syntax trees are immutable, so sharing them between
 * threads is safe. Bounded: when full it starts afresh, which costs only re-parsing.
 */
final class SyntaxCache {

    private static final int MAX_ENTRIES = 2048;
    private static final ConcurrentHashMap<String, Object> ENTRIES = new ConcurrentHashMap<>();

    private SyntaxCache() {}

    @SuppressWarnings("unchecked")
    static <T> T get(String kind, String text, Supplier<T> parse) {
        String key = kind + '\u0000' + text;
        Object cached = ENTRIES.get(key);
        if (cached != null) {
            return (T) cached;
        }
        T parsed = parse.get();
        if (ENTRIES.size() >= MAX_ENTRIES) {
            ENTRIES.clear();
        }
        ENTRIES.put(key, parsed);
        return parsed;
    }
}
