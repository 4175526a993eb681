package dev.singletable.engine.table;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * DynamoDB's tag rules (TagResource, UntagResource, CreateTable Tags). They are not Smithy shape constraints: AWS
 * answers with its own wordings, all ValidationException, and a rejected request changes nothing [1].
 *
 * [1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TaggingRestrictions.html">Tagging restrictions in DynamoDB</a>
 */
final class Tags {

    static final int MAX_TAGS = 50;
    static final int MAX_KEY_LENGTH = 128;
    static final int MAX_VALUE_LENGTH = 256;

    /** The AWS tag character set: letters, digits and separators of any script, plus _ . : / = + - @. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private static final String TOO_MANY = "Number of Tags exceed the current limit for the provided ResourceArn";

    private Tags() {}

    /** Current tags plus the given ones (later values overwrite), after checking every tag. */
    static Map<String, String> merge(Map<String, String> current, List<Tag> added) {
        Set<String> seen = new HashSet<>();
        for (Tag tag : added) {
            checkKey(tag.key());
            checkValue(tag.value());
        }
        for (Tag tag : added) {
            if (!seen.add(tag.key())) {
                throw Invalid.bare("Duplicate Tag Keys provided as input: Duplicate Tag Key found " + tag.key());
            }
        }
        Map<String, String> merged = new LinkedHashMap<>(current);
        for (Tag tag : added) {
            merged.put(tag.key(), tag.value());
        }
        if (merged.size() > MAX_TAGS) {
            throw Invalid.bare(TOO_MANY);
        }
        return merged;
    }

    /** Current tags without the given keys; absent keys are ignored. */
    static Map<String, String> remove(Map<String, String> current, List<String> keys) {
        if (keys.isEmpty()) {
            throw Invalid.bare("Atleast one Tag Key needs to be provided as Input.");
        }
        for (String key : keys) {
            checkKey(key);
        }
        if (keys.size() > MAX_TAGS) {
            throw Invalid.bare(TOO_MANY);
        }
        Map<String, String> remaining = new LinkedHashMap<>(current);
        keys.forEach(remaining::remove);
        return remaining;
    }

    /** TagResource needs at least one tag (CreateTable accepts an empty list). */
    static void requireSome(List<Tag> tags) {
        if (tags.isEmpty()) {
            throw Invalid.bare("Atleast one Tag needs to be provided as Input.");
        }
    }

    /**
     * The "aws:" prefix is AWS's own, in any case, and refused on UntagResource too (DDB-TABLE-105 of
     * aws-controllers-k8s/dynamodb-controller's docs/api-quirks, a public probe of the real service).
     */
    private static void checkKey(String key) {
        checkKeyText(key);
        if (key.regionMatches(true, 0, "aws:", 0, 4)) {
            throw Invalid.bare("Tag Key cannot be prefixed with aws:, Key: " + key);
        }
    }

    private static void checkKeyText(String key) {
        if (key == null
                || key.isEmpty()
                || key.length() > MAX_KEY_LENGTH
                || !ALLOWED.matcher(key).matches()) {
            throw Invalid.bare("The Tag Key provided is invalid, Key: " + key);
        }
    }

    private static void checkValue(String value) {
        if (value == null
                || value.length() > MAX_VALUE_LENGTH
                || !ALLOWED.matcher(value).matches()) {
            throw Invalid.bare("The Tag Value provided is invalid, Value: " + value);
        }
    }
}
