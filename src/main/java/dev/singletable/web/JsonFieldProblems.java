package dev.singletable.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A body that is valid JSON but has a value of the wrong type ({@link StrictJsonConfiguration}) or out of range for
 * its field, as the field problem a client can act on: the field's path ({@code items[0].quantity}) and what it must
 * be. Anything else (broken JSON, a wrong value at the top level) is no field's problem.
 */
final class JsonFieldProblems {

    private JsonFieldProblems() {}

    static @Nullable FieldProblem of(@Nullable Throwable cause) {
        if (!(cause instanceof JacksonException jackson)) {
            return null;
        }
        String field = path(jackson.getPath());
        if (field.isEmpty()) {
            return null;
        }
        if (jackson instanceof InputCoercionException) {
            return new FieldProblem(field, "is out of range");
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            return new FieldProblem(field, mustBe(mismatch.getTargetType()));
        }
        return null;
    }

    /** {@code items[0].quantity} for the references items, 0, quantity. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String mustBe(@Nullable Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "must be a string";
        }
        if (type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == BigInteger.class
                || type == int.class
                || type == long.class
                || type == short.class) {
            return "must be a whole number";
        }
        if (type == Double.class
                || type == Float.class
                || type == BigDecimal.class
                || type == double.class
                || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date-time (ISO 8601)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }
}
