package dev.singletable.web;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

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

    /** The If-Match header, or 428 without one: a change must name the version it was made from. */
    public static String requirePresent(@Nullable String ifMatch, String resource) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the " + resource + " you are changing");
        }
        return ifMatch;
    }

    /** 412 unless If-Match names {@code currentVersion}. */
    public static void requireCurrent(String ifMatch, long currentVersion, String resource) {
        if (!matches(ifMatch, currentVersion)) {
            throw stale(resource);
        }
    }

    /** 412: the representation changed since the client read it (also when a racing change won the write). */
    public static ApiException stale(String resource) {
        return new ApiException(ProblemType.PRECONDITION_FAILED,
                "The " + resource + " has changed since you read it; GET it again for the current ETag");
    }

    /** Whether an If-Match header value lets a change to the representation at {@code currentVersion} go ahead. */
    public static boolean matches(String ifMatch, long currentVersion) {
        String current = of(currentVersion);
        return Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    }
}
