package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The fast reading of Instant.toString()'s text gives Instant.parse's answers, and its errors. */
class CanonicalInstantsTest {

    @Test
    void readsWhatInstantWritesLikeInstantParse() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_135_596_800L, 253_402_300_799L); // years 0001..9999
            int nanos =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();
            assertThat(CanonicalInstants.parseCanonical(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void otherFormsAndImpossibleDatesAreLeftToInstantParse() {
        for (String text : new String[] {
            "2026-11-21T20:10:22+01:00",
            "+10000-01-01T00:00:00Z",
            "2026-11-21T20:10Z",
            "2026-11-21t20:10:22Z",
            "2026-02-30T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-21T24:00:00Z",
            "2026-11-21T20:60:00Z",
            "2026-11-21T20:10:22.Z",
            "2026-11-21T20:10:22.1234567890Z",
            "2026-11-21"
        }) {
            assertThat(CanonicalInstants.parseCanonical(text)).as(text).isNull();
            Instant expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> CanonicalInstants.parse(text))
                        .as(text)
                        .isInstanceOf(DateTimeParseException.class)
                        .hasMessage(e.getMessage());
                continue;
            }
            assertThat(CanonicalInstants.parse(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void shortFractionsAndLeapDaysAreCanonical() {
        for (String text : new String[] {"2026-11-21T20:10:22.6Z", "2024-02-29T23:59:59.123456789Z"}) {
            assertThat(CanonicalInstants.parseCanonical(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void theConverterStoresAndReadsAsTheDefaultOne() {
        AttributeConverter<Instant> ours =
                new CanonicalInstantConverters().converterFor(EnhancedType.of(Instant.class));
        AttributeConverter<Instant> standard =
                DefaultAttributeConverterProvider.create().converterFor(EnhancedType.of(Instant.class));
        Instant now = Instant.parse("2026-11-21T20:10:22.642Z");

        assertThat(ours.transformFrom(now)).isEqualTo(standard.transformFrom(now));
        assertThat(ours.transformTo(AttributeValue.fromS("2026-11-21T20:10:22.642Z")))
                .isEqualTo(now);
        assertThat(ours.transformTo(AttributeValue.fromS("2026-11-21T21:10:22.642+01:00")))
                .isEqualTo(standard.transformTo(AttributeValue.fromS("2026-11-21T21:10:22.642+01:00")));
        assertThat(new CanonicalInstantConverters().converterFor(EnhancedType.of(String.class)))
                .isNull();
    }
}
