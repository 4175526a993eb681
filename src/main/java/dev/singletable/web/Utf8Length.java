package dev.singletable.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A text's length in UTF-8 bytes, the measure DynamoDB's key limits use (a partition key value at most 2048 bytes, a
 * sort key value at most 1024): a value over it could only make the store refuse the request. Null is valid.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html">DynamoDB quotas:
 *      partition and sort key length</a>
 */
@Documented
@Constraint(validatedBy = Utf8Length.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Utf8Length {

    int max();

    String message() default "must be at most {max} bytes in UTF-8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Utf8Length, String> {
        private int max;

        @Override
        public void initialize(Utf8Length annotation) {
            this.max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // 3 bytes per UTF-16 unit at most: only a value that could be over the limit is encoded.
            return value == null || value.length() * 3L <= max || value.getBytes(StandardCharsets.UTF_8).length <= max;
        }
    }
}
