package dev.singletable.table;

import java.lang.invoke.MethodHandles;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The attributes every item type of the single table shares, mapped once for all of them: the primary key
 * ({@value SingleTable#PK}, {@value SingleTable#SK}), the type ({@value SingleTable#ENTITY_TYPE}) and the generic keys
 * of the overloaded indexes ({@value SingleTable#GSI1PK}/{@value SingleTable#GSI1SK}, {@value SingleTable#LSI1SK}).
 * An index with a multi-attribute key (the orders' status index) has no generic key attributes: its key is made of the
 * item's own attributes, which the item class annotates itself (docs/data-model.md, "Two ways to key an index").
 *
 * <p>An item never stores these: it derives them all from its own fields, through its feature's key design class
 * ({@code UserKeys}, {@code TweetKeys}…, the only places a key prefix is written), in one method, {@link #keys()}. So a
 * key cannot disagree with the fields it is made of, and no service assembles a key by hand. An item not in an index
 * has no keys for it (sparse indexes); an item written partially (with {@code ignoreNulls}) leaves out an index whose
 * key it cannot compute, so the update never half-moves the index entry.
 *
 * <p>Why a common supertype of bean items rather than immutable items with builders: the enhanced client's bean
 * mapper already builds each schema once and then maps through generated accessors, so per-request mapping costs what
 * it did before; only the repeated key properties go. Its one demand is a setter per mapped property: the setters below
 * accept what the table holds and drop it, since the item's own fields determine it.
 *
 * <p>Item classes are {@code @NullUnmarked}: the mapper fills a bean from whatever attributes the table holds, so any
 * field may be null, and which ones are depends on what wrote the item (a partial update, a projection, an older
 * version of the service), not on anything NullAway can see at a call site. The code that reads items relies on what
 * its own writes put there; everything around the items is {@code @NullMarked} and checked.
 */
public abstract class TableItem {

    /** The bean schema of an item class, built once by the class itself (its lookup lets it stay package-private). */
    public static <T extends TableItem> TableSchema<T> schema(Class<T> itemClass, MethodHandles.Lookup lookup) {
        return BeanTableSchema.create(
                BeanTableSchemaParams.builder(itemClass).lookup(lookup).build());
    }

    /** The item's type and keys, from its fields, through its feature's key design. */
    protected abstract ItemKeys keys();

    @DynamoDbPartitionKey
    @DynamoDbAttribute(SingleTable.PK)
    public final String getPk() {
        return keys().pk();
    }

    public final void setPk(@Nullable String derived) {
        // derived from the item's fields
    }

    @DynamoDbSortKey
    @DynamoDbAttribute(SingleTable.SK)
    public final String getSk() {
        return keys().sk();
    }

    public final void setSk(@Nullable String derived) {
        // derived from the item's fields
    }

    @DynamoDbAttribute(SingleTable.ENTITY_TYPE)
    public final String getEntityType() {
        return keys().entityType();
    }

    public final void setEntityType(@Nullable String derived) {
        // fixed per item class
    }

    @DynamoDbSecondaryPartitionKey(indexNames = SingleTable.GSI1)
    @DynamoDbAttribute(SingleTable.GSI1PK)
    public final @Nullable String getGsi1pk() {
        return keys().gsi1pk();
    }

    public final void setGsi1pk(@Nullable String derived) {
        // derived from the item's fields
    }

    @DynamoDbSecondarySortKey(indexNames = SingleTable.GSI1)
    @DynamoDbAttribute(SingleTable.GSI1SK)
    public final @Nullable String getGsi1sk() {
        return keys().gsi1sk();
    }

    public final void setGsi1sk(@Nullable String derived) {
        // derived from the item's fields
    }

    @DynamoDbSecondarySortKey(indexNames = SingleTable.LSI1)
    @DynamoDbAttribute(SingleTable.LSI1SK)
    public final @Nullable String getLsi1sk() {
        return keys().lsi1sk();
    }

    public final void setLsi1sk(@Nullable String derived) {
        // derived from the item's fields
    }
}
