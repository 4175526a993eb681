package dev.singletable.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.table.Ulid;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusShardsTest {

    @Test
    void anOrderKeepsItsShardAcrossStatusesAndConsecutiveIdsSpreadOverAllShards() {
        StatusShards shards = new StatusShards(4);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            String id = Ulid.next();
            int shard = shards.shardOf(id);
            assertThat(shard).isBetween(0, 3).isEqualTo(shards.shardOf(id));
            counts.merge(shard, 1, Integer::sum);
        }
        assertThat(counts).hasSize(4);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(50, 150));
    }

    @Test
    void theShardCountIsConfigurableWithinBounds() {
        assertThat(new OrderProperties(null).statusShards()).isEqualTo(4);
        assertThat(new OrderProperties(16).statusShards()).isEqualTo(16);
        assertThatThrownBy(() -> new OrderProperties(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
