package dev.singletable.engine.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One Smithy-style constraint on a request member, as the API reference lists them for each member (length,
 * range, pattern, enum, required) [1]. {@link #violations} gives the "Member must ..." texts the value breaks (empty
 * if none); {@link #describe} gives every text of the constraint, for "Map keys must satisfy ...".
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">CreateTable</a>
 * (its TableName: 1 to 1024 characters, a name or an ARN)
 */
sealed interface Constraint {

    List<String> violations(@Nullable Object value);

    List<String> describe();

    /**
     * A constraint AWS now checks outside its Smithy validator: the report names the member as the API spells it
     * ({@code Limit}, {@code RequestItems.t.member.Keys}) and leaves the value out.
     */
    record NamedByApi(Constraint inner) implements Constraint {
        @Override
        public List<String> violations(@Nullable Object value) {
            return inner.violations(value);
        }

        @Override
        public List<String> describe() {
            return inner.describe();
        }
    }

    /** The member must be present. */
    record Required() implements Constraint {
        @Override
        public List<String> violations(@Nullable Object value) {
            return value == null ? List.of("Member must not be null") : List.of();
        }

        @Override
        public List<String> describe() {
            return List.of("Member must not be null");
        }
    }

    /** String length or collection size within [min, max]; either bound may be null. */
    record Length(@Nullable Long min, @Nullable Long max) implements Constraint {
        @Override
        public List<String> violations(@Nullable Object value) {
            Long length = lengthOf(value);
            if (length == null) {
                return List.of();
            }
            if (min != null && length < min) {
                return List.of("Member must have length greater than or equal to " + min);
            }
            if (max != null && length > max) {
                return List.of("Member must have length less than or equal to " + max);
            }
            return List.of();
        }

        @Override
        public List<String> describe() {
            List<String> texts = new ArrayList<>(2);
            if (max != null) {
                texts.add("Member must have length less than or equal to " + max);
            }
            if (min != null) {
                texts.add("Member must have length greater than or equal to " + min);
            }
            return texts;
        }

        private static @Nullable Long lengthOf(@Nullable Object value) {
            if (value instanceof String s) {
                return (long) s.length(); // a test against the final class first: an interface test costs more
            }
            if (value instanceof CharSequence s) {
                return (long) s.length();
            }
            if (value instanceof Collection<?> c) {
                return (long) c.size();
            }
            if (value instanceof Map<?, ?> m) {
                return (long) m.size();
            }
            return null;
        }
    }

    /** A number within [min, max]; either bound may be null. */
    record Range(@Nullable Long min, @Nullable Long max) implements Constraint {
        @Override
        public List<String> violations(@Nullable Object value) {
            if (!(value instanceof Number n)) {
                return List.of();
            }
            if (min != null && n.longValue() < min) {
                return List.of("Member must have value greater than or equal to " + min);
            }
            if (max != null && n.longValue() > max) {
                return List.of("Member must have value less than or equal to " + max);
            }
            return List.of();
        }

        @Override
        public List<String> describe() {
            List<String> texts = new ArrayList<>(2);
            if (max != null) {
                texts.add("Member must have value less than or equal to " + max);
            }
            if (min != null) {
                texts.add("Member must have value greater than or equal to " + min);
            }
            return texts;
        }
    }

    /** A string matching the whole regular expression. */
    record Pattern(String regex, java.util.regex.Pattern compiled) implements Constraint {
        Pattern(String regex) {
            this(regex, java.util.regex.Pattern.compile(regex));
        }

        @Override
        public List<String> violations(@Nullable Object value) {
            if (value instanceof CharSequence s && !compiled.matcher(s).matches()) {
                return describe();
            }
            return List.of();
        }

        @Override
        public List<String> describe() {
            return List.of("Member must satisfy regular expression pattern: " + regex);
        }
    }

    /** A string from a fixed set, listed in the order AWS prints it. */
    record OneOf(List<String> values) implements Constraint {
        @Override
        public List<String> violations(@Nullable Object value) {
            if (value instanceof String s && !values.contains(s)) {
                return describe();
            }
            return List.of();
        }

        @Override
        public List<String> describe() {
            return List.of("Member must satisfy enum value set: [" + String.join(", ", values) + "]");
        }
    }

    /**
     * A TableName member: the model types it as a table ARN (1..1024), but AWS still checks a plain name as a table
     * name (3..255 characters of [a-zA-Z0-9_.-]) and reports it with the table-name constraints. An empty value is reported against the ARN form's bound alone, as AWS does for the data
     * plane, or ({@code emptyAsName}) against the name's bounds, length first, as DescribeTable answers it (a public
     * probe of the real service, DDB-TABLE-457 of aws-controllers-k8s/dynamodb-controller's docs/api-quirks).
     */
    record TableNameOrArn(boolean emptyAsName) implements Constraint {
        private static final Pattern NAME_PATTERN = new Pattern("[a-zA-Z0-9_.-]+");
        private static final Length NAME_LENGTH = new Length(3L, 255L);
        private static final Length ARN_LENGTH = new Length(1L, 1024L);

        @Override
        public List<String> violations(@Nullable Object value) {
            if (!(value instanceof String s)) {
                return List.of();
            }
            if (isPlainValidName(s)) {
                // every in-process request names its table: a valid name is answered without the regular expression
                // or a list (both checks below would pass)
                return List.of();
            }
            if (s.isEmpty() && emptyAsName) {
                List<String> texts = new ArrayList<>(NAME_LENGTH.violations(s));
                texts.addAll(NAME_PATTERN.violations(s));
                return texts;
            }
            if (s.isEmpty() || s.startsWith("arn:")) {
                // an empty name is reported against the ARN form's bound alone, as AWS does
                return ARN_LENGTH.violations(s);
            }
            List<String> texts = new ArrayList<>(NAME_PATTERN.violations(s));
            texts.addAll(NAME_LENGTH.violations(s));
            return texts;
        }

        @Override
        public List<String> describe() {
            List<String> texts = new ArrayList<>(NAME_LENGTH.describe());
            texts.addAll(NAME_PATTERN.describe());
            return texts;
        }

        /** What {@code NAME_PATTERN} and {@code NAME_LENGTH} both accept, by a loop over the characters. */
        static boolean isPlainValidName(String s) {
            int length = s.length();
            if (length < 3 || length > 255) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                boolean allowed = (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '_'
                        || c == '.'
                        || c == '-';
                if (!allowed) {
                    return false;
                }
            }
            return true;
        }
    }
}
