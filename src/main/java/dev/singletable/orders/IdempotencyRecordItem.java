package dev.singletable.orders;

import dev.singletable.table.ItemKeys;
import dev.singletable.table.SingleTable;
import dev.singletable.table.TableItem;
import java.lang.invoke.MethodHandles;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * Which order an Idempotency-Key made, and a hash of the request body that made it ({@link OrderKeys}:
 * {@code PK = IDEMPOTENCY#<userId>#<key>}, {@code SK = IDEMPOTENCY}). Written in the order's own transaction with
 * {@code attribute_not_exists(PK)}, so of two requests with one key only one places an order; {@code ttl} (epoch
 * seconds) lets DynamoDB drop it after 24 hours.
 */
@NullUnmarked
@DynamoDbBean
class IdempotencyRecordItem extends TableItem {

    static final TableSchema<IdempotencyRecordItem> SCHEMA =
            schema(IdempotencyRecordItem.class, MethodHandles.lookup());

    private String userId;
    private String idempotencyKey;
    private String orderId;
    private String requestHash;
    private Long ttl;

    public IdempotencyRecordItem() {
        // the bean mapper needs a public constructor, even in a package-private class
    }

    @Override
    protected ItemKeys keys() {
        return ItemKeys.of(
                OrderKeys.IDEMPOTENCY_TYPE,
                OrderKeys.idempotencyPartition(userId, idempotencyKey),
                OrderKeys.IDEMPOTENCY);
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public void setRequestHash(String requestHash) {
        this.requestHash = requestHash;
    }

    @DynamoDbAttribute(SingleTable.TTL)
    public Long getTtl() {
        return ttl;
    }

    public void setTtl(Long ttl) {
        this.ttl = ttl;
    }
}
