package dev.singletable.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.table.CanonicalInstantConverters;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A profile's {@code createdAt} is read by {@link CanonicalInstantConverters}, not the enhanced client's
 * DateTimeFormatter (every {@code GET /api/users/{u}} maps one profile: issue 21, docs/benchmarks.md "Service"), and
 * the stored form does not change.
 */
class UserItemInstantsTest {

    @Test
    void createdAtIsReadByTheCanonicalConverterAndStoredAsBefore() {
        var canonical = new CanonicalInstantConverters().converterFor(EnhancedType.of(Instant.class));
        assertThat(UserItem.SCHEMA.converterForAttribute("createdAt"))
                .isNotNull()
                .hasSameClassAs(canonical);

        UserItem user = UserItem.withId("U1");
        user.setUsername("ann");
        user.setCreatedAt(Instant.parse("2026-12-05T23:10:00.120Z"));
        Map<String, AttributeValue> stored = UserItem.SCHEMA.itemToMap(user, true);
        assertThat(stored.get("createdAt").s()).isEqualTo("2026-12-05T23:10:00.120Z");
        assertThat(UserItem.SCHEMA.mapToItem(stored).getCreatedAt()).isEqualTo(user.getCreatedAt());
    }
}
