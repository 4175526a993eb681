package dev.singletable.table;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Claims, releases and looks up unique values through {@link UniqueValueItem} markers. Claims and releases are
 * transaction actions, meant to be written together with the item that owns the value (see {@link LabelledTransaction}).
 */
@Component
public class UniqueValues {

    private final DynamoDbTable<UniqueValueItem> markers;

    UniqueValues(SingleTable table) {
        this.markers = table.of(UniqueValueItem.SCHEMA);
    }

    public DynamoDbTable<UniqueValueItem> table() {
        return markers;
    }

    /** Puts the marker unless the value is already claimed (by anyone, the owner included). */
    public TransactPutItemEnhancedRequest<UniqueValueItem> claim(
            String namespace, String normalizedValue, String ownerId) {
        return TransactPutItemEnhancedRequest.builder(UniqueValueItem.class)
                .item(UniqueValueItem.of(namespace, normalizedValue, ownerId))
                .conditionExpression(Conditions.NEW_ITEM)
                .build();
    }

    /** Deletes the marker if, and only if, it still belongs to the owner. */
    public TransactDeleteItemEnhancedRequest release(String namespace, String normalizedValue, String ownerId) {
        return TransactDeleteItemEnhancedRequest.builder()
                .key(UniqueValueItem.key(namespace, normalizedValue))
                .conditionExpression(Expression.builder()
                        .expression("#owner = :owner")
                        .expressionNames(Map.of("#owner", "ownerId"))
                        .expressionValues(Map.of(":owner", AttributeValue.fromS(ownerId)))
                        .build())
                .build();
    }

    /** Who owns the value, read strongly consistently (a sign-up just acknowledged must be visible). */
    public Optional<String> ownerOf(String namespace, String normalizedValue) {
        UniqueValueItem marker = markers.getItem(
                r -> r.key(UniqueValueItem.key(namespace, normalizedValue)).consistentRead(true));
        return Optional.ofNullable(marker).map(UniqueValueItem::getOwnerId);
    }
}
