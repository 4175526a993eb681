package dev.singletable.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Keys;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.core.WriteStamp;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TestTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item record of the log carries, for a change copied from another region of a global table, the stamp of the
 * write it copies; a change made in its own region carries none (and reads back as such, as logs written before
 * global tables do).
 */
class LogRecordCodecTest {

    private final Engine engine = new Engine(EngineOptions.inMemory());
    private final Table table = engine.createTable(
            TestTables.table("t", Instant.parse("2026-01-01T00:00:00Z")).build());

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk), "v", AttributeValue.fromN("1"));
    }

    private ItemChange put(Map<String, AttributeValue> item, boolean byService, WriteStamp stamp) {
        return new ItemChange(
                table, Keys.fromItem(table.definition(), item), null, new StoredItem(item, 40), byService, stamp);
    }

    private ItemChange delete(Map<String, AttributeValue> item, boolean byService, WriteStamp stamp) {
        return new ItemChange(
                table, Keys.fromItem(table.definition(), item), new StoredItem(item, 40), null, byService, stamp);
    }

    private static LogRecord.Items roundTrip(List<ItemChange> changes) {
        ByteWriter out = new ByteWriter();
        LogRecordCodec.items(out, 17, 1_700_000_000_123L, changes);
        return (LogRecord.Items) LogRecordCodec.read(new ByteReader(out.toByteArray()));
    }

    @Test
    void replicatedWritesKeepTheirStampAndLocalWritesHaveNone() {
        WriteStamp fromIreland = new WriteStamp(1_700_000_000_001L, "eu-west-1", 300_000_000_000L);
        WriteStamp ttlFromTokyo = new WriteStamp(1_699_999_999_999L, "ap-northeast-1", 1);

        LogRecord.Items back = roundTrip(List.of(
                put(item("a", "1"), false, null),
                put(item("a", "2"), false, fromIreland),
                delete(item("a", "3"), true, ttlFromTokyo),
                delete(item("a", "4"), false, null)));

        assertThat(back.sequence()).isEqualTo(17);
        assertThat(back.timeMillis()).isEqualTo(1_700_000_000_123L);
        assertThat(back.writes())
                .extracting(LogRecord.ItemWrite::replicated)
                .containsExactly(null, fromIreland, ttlFromTokyo, null);
        assertThat(back.writes()).extracting(LogRecord.ItemWrite::byService).containsExactly(false, false, true, false);
        assertThat(back.writes().get(1).newItem().attributes()).isEqualTo(item("a", "2"));
        assertThat(back.writes().get(2).newItem()).isNull();
        assertThat(back.writes().get(2).keyAttributes())
                .isEqualTo(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("3")));
    }
}
