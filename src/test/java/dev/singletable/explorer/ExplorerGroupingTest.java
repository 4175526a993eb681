package dev.singletable.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.table.TableLayoutLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplorerGroupingTest {

    @Test
    void consecutiveItemsWithOnePartitionKeyFormOneGroupInScanOrder() {
        List<Map<String, String>> rows = List.of(
                Map.of("PK", "TWEET#1", "SK", "LIKE#a"),
                Map.of("PK", "TWEET#1", "SK", "TWEET"),
                Map.of("PK", "USER#a", "SK", "PROFILE"),
                Map.of("PK", "TWEET#2", "SK", "TWEET"));

        List<ExplorerPage.Partition> partitions = ExplorerController.byPartition(rows);

        assertThat(partitions).extracting(ExplorerPage.Partition::pk).containsExactly("TWEET#1", "USER#a", "TWEET#2");
        assertThat(partitions.get(0).items()).extracting(item -> item.get("SK")).containsExactly("LIKE#a", "TWEET");
        assertThat(ExplorerController.byPartition(List.of())).isEmpty();
    }

    @Test
    void theColumnsComeFromTheTableLayoutFile() {
        assertThat(TableExplorer.columnsOf(TableLayoutLoader.load()))
                .containsExactly(
                        "PK",
                        "SK",
                        "entityType",
                        "GSI1PK",
                        "GSI1SK",
                        "GSI3PK",
                        "GSI3SK",
                        "LSI1SK",
                        "status",
                        "statusShard",
                        "orderId",
                        "ttl");
    }
}
