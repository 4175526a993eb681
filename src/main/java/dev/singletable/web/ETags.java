package dev.singletable.web;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The {@code If-Match} rules of a change (RFC 9110 §13.1.1: strong comparison, so a weak tag never matches): the
 * header is required (428 without it) and must name the current representation's ETag ({@link RepresentationTags}) or
 * be {@code *}; otherwise 412.
 */
public final class ETags {

    private ETags() {}

    /** The If-Match header, or 428 without one: a change must name the representation it was made from. */
    public static String requirePresent(@Nullable String ifMatch, String resource) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(
                    ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the " + resource + " you are changing");
        }
        return ifMatch;
    }

    /** 412 unless If-Match names {@code currentTag}, the ETag of the representation as it is now. */
    public static void requireCurrent(String ifMatch, String currentTag, String resource) {
        if (!matches(ifMatch, currentTag)) {
            throw stale(resource);
        }
    }

    /** 412: the representation changed since the client read it (also when a racing change won the write). */
    public static ApiException stale(String resource) {
        return new ApiException(
                ProblemType.PRECONDITION_FAILED,
                "The " + resource + " has changed since you read it; GET it again for the current ETag");
    }

    /** Whether an If-Match header value lets a change to the representation tagged {@code currentTag} go ahead. */
    public static boolean matches(String ifMatch, String currentTag) {
        return Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(currentTag));
    }
}
