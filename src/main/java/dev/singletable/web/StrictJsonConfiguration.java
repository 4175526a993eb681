package dev.singletable.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a JSON value must have the type of the field it fills. Jackson by default coerces
 * scalars ({@code 5} becomes the text "5", {@code 1.5} the whole number 1, {@code "5"} the number 5, {@code 1} the
 * first enum constant), which hides client bugs and stores what nobody sent. Each coercion turned off here makes such a
 * value a {@code MismatchedInputException}, which {@link ApiExceptionHandler} answers with 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.withCoercionConfig(
                        LogicalType.Textual,
                        text -> fail(
                                text, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
                .withCoercionConfig(
                        LogicalType.Integer,
                        whole -> fail(
                                whole,
                                CoercionInputShape.Float,
                                CoercionInputShape.String,
                                CoercionInputShape.EmptyString,
                                CoercionInputShape.Boolean))
                .withCoercionConfig(
                        LogicalType.Float,
                        number -> fail(
                                number,
                                CoercionInputShape.String,
                                CoercionInputShape.EmptyString,
                                CoercionInputShape.Boolean))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        bool -> fail(
                                bool,
                                CoercionInputShape.Integer,
                                CoercionInputShape.Float,
                                CoercionInputShape.String,
                                CoercionInputShape.EmptyString))
                .withCoercionConfig(
                        LogicalType.Enum,
                        constant -> fail(
                                constant,
                                CoercionInputShape.Integer,
                                CoercionInputShape.Float,
                                CoercionInputShape.EmptyString));
    }

    private static void fail(MutableCoercionConfig config, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }
}
