package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandles;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items derive their generic key attributes from their fields; the stored ones are never read back into them. */
class TableItemTest {

    @Test
    void keysAndIndexKeysAreWrittenFromTheFieldsAndAnUnknownFieldKeepsTheItemOutOfItsIndex() {
        Shelf shelf = new Shelf();
        shelf.setShelfId("s1");
        shelf.setRoom("attic");

        Map<String, AttributeValue> item = Shelf.SCHEMA.itemToMap(shelf, true);

        assertThat(item)
                .containsEntry(SingleTable.PK, AttributeValue.fromS("SHELF#s1"))
                .containsEntry(SingleTable.SK, AttributeValue.fromS("SHELF"))
                .containsEntry(SingleTable.ENTITY_TYPE, AttributeValue.fromS("Shelf"))
                .containsEntry(SingleTable.GSI1PK, AttributeValue.fromS("ROOM#attic"))
                .containsEntry(SingleTable.GSI1SK, AttributeValue.fromS("SHELF#s1"))
                .doesNotContainKeys(SingleTable.LSI1SK);

        Shelf partial = new Shelf();
        partial.setShelfId("s1");
        assertThat(Shelf.SCHEMA.itemToMap(partial, true))
                .containsKeys(SingleTable.PK, SingleTable.SK)
                .doesNotContainKeys(SingleTable.GSI1PK, SingleTable.GSI1SK);
    }

    @Test
    void readingAnItemTakesItsFieldsAndDerivesTheKeysAgain() {
        Shelf read = Shelf.SCHEMA.mapToItem(Map.of(
                SingleTable.PK,
                AttributeValue.fromS("stale"),
                SingleTable.SK,
                AttributeValue.fromS("SHELF"),
                SingleTable.GSI1PK,
                AttributeValue.fromS("stale"),
                "shelfId",
                AttributeValue.fromS("s2"),
                "room",
                AttributeValue.fromS("hall")));

        assertThat(read.getShelfId()).isEqualTo("s2");
        assertThat(read.getPk()).isEqualTo("SHELF#s2");
        assertThat(read.getGsi1pk()).isEqualTo("ROOM#hall");
    }

    @DynamoDbBean
    public static class Shelf extends TableItem {

        static final TableSchema<Shelf> SCHEMA = schema(Shelf.class, MethodHandles.lookup());

        private String shelfId;
        private String room;

        @Override
        protected ItemKeys keys() {
            ItemKeys keys = ItemKeys.of("Shelf", "SHELF#" + shelfId, "SHELF");
            return room == null ? keys : keys.gsi1("ROOM#" + room, "SHELF#" + shelfId);
        }

        public String getShelfId() {
            return shelfId;
        }

        public void setShelfId(String shelfId) {
            this.shelfId = shelfId;
        }

        public String getRoom() {
            return room;
        }

        public void setRoom(String room) {
            this.room = room;
        }
    }
}
