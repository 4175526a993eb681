package dev.singletable.table;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * For item beans ({@code @DynamoDbBean(converterProviders = {CanonicalInstantConverters.class,
 * DefaultAttributeConverterProvider.class})}): Instants stored exactly as the enhanced client's default stores them
 * (ISO-8601 strings), read through {@link CanonicalInstants}; every other type is left to the default provider.
 */
public final class CanonicalInstantConverters implements AttributeConverterProvider {

    private static final AttributeConverter<Instant> INSTANTS = new InstantConverter();

    @Override
    @SuppressWarnings("unchecked")
    public <T> @Nullable AttributeConverter<T> converterFor(EnhancedType<T> enhancedType) {
        return enhancedType.rawClass() == Instant.class ? (AttributeConverter<T>) INSTANTS : null;
    }

    private static final class InstantConverter implements AttributeConverter<Instant> {

        /** The default provider's own converter: what this one writes, and how it reads anything non-canonical. */
        private final AttributeConverter<Instant> standard =
                DefaultAttributeConverterProvider.create().converterFor(EnhancedType.of(Instant.class));

        @Override
        public AttributeValue transformFrom(Instant input) {
            return standard.transformFrom(input);
        }

        @Override
        public Instant transformTo(AttributeValue input) {
            Instant fast = input.s() == null ? null : CanonicalInstants.parseCanonical(input.s());
            return fast != null ? fast : standard.transformTo(input);
        }

        @Override
        public EnhancedType<Instant> type() {
            return EnhancedType.of(Instant.class);
        }

        @Override
        public AttributeValueType attributeValueType() {
            return AttributeValueType.S;
        }
    }
}
