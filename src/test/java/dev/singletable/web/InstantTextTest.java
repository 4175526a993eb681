package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link InstantText} writes every instant as {@link Instant#toString()} does, and the API's mapper with it writes the
 * same JSON as Jackson's own serializer: seeded random instants (seed 20261205) across and beyond years 0000–9999,
 * with no fraction and fractions of milli-, micro- and nanosecond precision, and the edges.
 */
class InstantTextTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();
    private static final JsonMapper API =
            JsonMapper.builder().addModule(InstantJsonConfiguration.instants()).build();

    record Page(Instant createdAt, List<Instant> times, Map<String, Instant> byName) {}

    @Test
    void everyInstantIsWrittenAsToStringWritesIt() {
        for (Instant instant : instants()) {
            assertThat(InstantText.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void theApisMapperWritesWhatJacksonsOwnSerializerWrites() {
        List<Instant> all = instants();
        for (int i = 0; i + 3 <= all.size(); i += 3) {
            Page page = new Page(all.get(i), List.of(all.get(i + 1), all.get(i + 2)), Map.of("a", all.get(i + 1)));
            assertThat(API.writeValueAsString(page)).isEqualTo(JACKSON.writeValueAsString(page));
        }
    }

    private static List<Instant> instants() {
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.MIN,
                Instant.MAX,
                Instant.ofEpochSecond(InstantText.MIN_SECOND),
                Instant.ofEpochSecond(InstantText.MIN_SECOND - 1, 999_999_999),
                Instant.ofEpochSecond(InstantText.MAX_SECOND, 999_999_999),
                Instant.ofEpochSecond(InstantText.MAX_SECOND + 1),
                Instant.ofEpochSecond(-1, 1),
                Instant.parse("2026-11-21T09:30:00Z"),
                Instant.parse("2026-11-21T09:30:00.120Z"),
                Instant.parse("2024-02-29T23:59:59.000001Z")));
        Random random = new Random(20261205);
        for (int i = 0; i < 100_000; i++) {
            long seconds =
                    switch (random.nextInt(3)) {
                        case 0 -> 1_700_000_000L + random.nextInt(200_000_000); // around now
                        case 1 ->
                            InstantText.MIN_SECOND
                                    + (long) (random.nextDouble() * (InstantText.MAX_SECOND - InstantText.MIN_SECOND));
                        default -> (long) ((random.nextDouble() * 2 - 1) * 400_000_000_000L); // beyond, both ways
                    };
            int nanos =
                    switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }
        return instants;
    }
}
