package dev.singletable.follows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.table.CanonicalInstantConverters;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A follow edge's {@code createdAt} is read by {@link CanonicalInstantConverters}, not the enhanced client's
 * DateTimeFormatter: a timeline fan-out and a follower page map up to 100 edges (issue 21, docs/benchmarks.md
 * "Service"), and the stored form does not change.
 */
class FollowItemInstantsTest {

    @Test
    void createdAtIsReadByTheCanonicalConverterAndStoredAsBefore() {
        var canonical = new CanonicalInstantConverters().converterFor(EnhancedType.of(Instant.class));
        assertThat(FollowItem.SCHEMA.converterForAttribute("createdAt"))
                .isNotNull()
                .hasSameClassAs(canonical);

        FollowItem edge = new FollowItem();
        edge.setFollowerId("a");
        edge.setFolloweeId("b");
        edge.setFollowId("f");
        edge.setCreatedAt(Instant.parse("2026-12-05T23:10:00.123Z"));
        Map<String, AttributeValue> stored = FollowItem.SCHEMA.itemToMap(edge, true);
        assertThat(stored.get("createdAt").s()).isEqualTo("2026-12-05T23:10:00.123Z");
        assertThat(FollowItem.SCHEMA.mapToItem(stored).getCreatedAt()).isEqualTo(edge.getCreatedAt());
    }
}
