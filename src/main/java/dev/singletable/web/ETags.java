package dev.singletable.web;

import java.util.Arrays;

/**
 * Entity tags made of an item's version attribute, and the {@code If-Match} test against them (RFC 9110: strong
 * comparison, so a weak tag never matches).
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Whether an If-Match header value lets a change to the representation at {@code currentVersion} go ahead. */
    public static boolean matches(String ifMatch, long currentVersion) {
        String current = of(currentVersion);
        return Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    }
}
