package dev.singletable.engine.storage;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared String per attribute name. Every request and every decoded record brings its own copies of names like
 * "pk" or "payload"; stored as they come, a million items would keep millions of identical strings alive (about
 * 48 bytes each). Names are few in practice, so the table is bounded: past its limit (a workload inventing names per
 * item) names are kept as given, which is merely the old cost.
 */
public final class AttributeNames {

    private static final int LIMIT = 65_536;
    private static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();

    private AttributeNames() {}

    public static String canonical(String name) {
        String known = NAMES.get(name);
        if (known != null) {
            return known;
        }
        if (NAMES.size() >= LIMIT || name.length() > 255) {
            return name;
        }
        String previous = NAMES.putIfAbsent(name, name);
        return previous != null ? previous : name;
    }
}
