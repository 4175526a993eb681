package dev.singletable.table;

import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service's one table, seen through the enhanced client with one {@link TableSchema} per item type. Every item type
 * shares the table's generic key attributes (PK/SK, GSI1 and GSI3 keys, LSI1SK) and carries an {@value #ENTITY_TYPE} attribute
 * ({@link TableItem}), so that a Query returning several types can map each item with its own schema
 * (see {@link ItemTypes}).
 */
@Component
public class SingleTable {

    /** The attribute that names an item's type, on every item. */
    public static final String ENTITY_TYPE = "entityType";

    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    /**
     * The orders' status index: a multi-attribute key made of the order header's own {@code status},
     * {@code statusShard} and {@code orderId} (no synthetic key attributes; see docs/data-model.md).
     */
    public static final String ORDERS_BY_STATUS = "OrdersByStatus";

    public static final String LSI1 = "LSI1";
    public static final String LSI1SK = "LSI1SK";
    public static final String TTL = "ttl";

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbClient dynamo;
    private final DynamoDbEnhancedClient cachedEnhanced;
    private final DynamoDbClient cachedDynamo;
    private final String name;

    /** The table without a read cache. */
    public SingleTable(DynamoDbEnhancedClient enhanced, DynamoDbClient dynamo, TableProperties properties) {
        this(enhanced, dynamo, properties, ReadCache.none());
    }

    @Autowired
    SingleTable(DynamoDbEnhancedClient enhanced, DynamoDbClient dynamo, TableProperties properties, ReadCache cache) {
        this.name = properties.name();
        if (cache.mode() == CacheProperties.Mode.NONE) {
            this.enhanced = enhanced;
            this.dynamo = dynamo;
            this.cachedEnhanced = enhanced;
            this.cachedDynamo = dynamo;
        } else {
            this.dynamo = cache.forEverythingElse(dynamo);
            this.enhanced =
                    DynamoDbEnhancedClient.builder().dynamoDbClient(this.dynamo).build();
            this.cachedDynamo = cache.forCachedReads(dynamo);
            this.cachedEnhanced = DynamoDbEnhancedClient.builder()
                    .dynamoDbClient(this.cachedDynamo)
                    .build();
        }
    }

    public String name() {
        return name;
    }

    public DynamoDbEnhancedClient enhanced() {
        return enhanced;
    }

    /** The low-level client, for the requests the enhanced client cannot express (several item types in one Query). */
    public DynamoDbClient dynamo() {
        return dynamo;
    }

    /**
     * The low-level client for reads a cache may answer ({@code singletable.cache.mode}, docs/caching.md): like
     * {@link #cachedOf}, only for eventually consistent reads whose caller accepts a result up to the cache's TTL old.
     */
    public DynamoDbClient cachedDynamo() {
        return cachedDynamo;
    }

    /**
     * The table mapped for one item type. Bean schemas are costly to build, so each item class builds its own once
     * ({@link TableItem#schema}) and every repository maps the table with that one.
     */
    public <T> DynamoDbTable<T> of(TableSchema<T> schema) {
        return enhanced.table(name, schema);
    }

    /**
     * The table mapped for one item type, for the reads a DAX-style cache may answer when one is configured
     * ({@code singletable.cache.mode}, docs/caching.md). Use it only for an eventually consistent read whose caller
     * accepts an answer up to the cache's TTL old (a product page, another user's profile): a ConsistentRead through
     * it passes the cache by, as on DAX, but an ordinary read may come from the cache. Writes through {@link #of}
     * reach the cache too, so what the service itself writes is seen at once.
     */
    public <T> DynamoDbTable<T> cachedOf(TableSchema<T> schema) {
        return cachedEnhanced.table(name, schema);
    }

    /** A Query of one partition of the table or of an index ({@link KeyQuery}). */
    public KeyQuery query(KeyQuery.Index index, String partition) {
        return new KeyQuery(name, index, partition);
    }

    /** An item's primary key as the low-level client takes it. */
    public static Map<String, AttributeValue> keyMap(Key key) {
        return key.sortKeyValue()
                .map(sort -> Map.of(PK, key.partitionKeyValue(), SK, sort))
                .orElseGet(() -> Map.of(PK, key.partitionKeyValue()));
    }
}
