package dev.singletable.engine.partiql;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A translated write statement, ready to become a single-item request or one action of a TransactWriteItems.
 * {@code key} is the primary key of the item written; {@code item} is set for INSERT only, {@code updateExpression}
 * for UPDATE only; the condition, the names and values the expressions use and {@code returnValues} are null when
 * the statement has none.
 */
record WriteAction(
        Kind kind,
        String table,
        @Nullable Map<String, AttributeValue> item,
        Map<String, AttributeValue> key,
        @Nullable String updateExpression,
        @Nullable String condition,
        @Nullable Map<String, String> names,
        @Nullable Map<String, AttributeValue> values,
        @Nullable String returnValues) {

    enum Kind {
        INSERT,
        UPDATE,
        DELETE,
        CHECK
    }

    PutItemRequest putRequest(@Nullable String returnOnFailure) {
        return PutItemRequest.builder()
                .tableName(table)
                .item(item)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(returnOnFailure)
                .build();
    }

    UpdateItemRequest updateRequest(@Nullable String returnOnFailure) {
        return UpdateItemRequest.builder()
                .tableName(table)
                .key(key)
                .updateExpression(updateExpression)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(returnValues)
                .returnValuesOnConditionCheckFailure(returnOnFailure)
                .build();
    }

    DeleteItemRequest deleteRequest(@Nullable String returnOnFailure) {
        return DeleteItemRequest.builder()
                .tableName(table)
                .key(key)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(returnValues)
                .returnValuesOnConditionCheckFailure(returnOnFailure)
                .build();
    }

    TransactWriteItem transactItem(@Nullable ReturnValuesOnConditionCheckFailure onFailure) {
        switch (kind) {
            case INSERT:
                return TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table)
                                .item(item)
                                .conditionExpression(condition)
                                .expressionAttributeNames(names)
                                .expressionAttributeValues(values)
                                .returnValuesOnConditionCheckFailure(onFailure)
                                .build())
                        .build();
            case UPDATE:
                return TransactWriteItem.builder()
                        .update(Update.builder()
                                .tableName(table)
                                .key(key)
                                .updateExpression(updateExpression)
                                .conditionExpression(condition)
                                .expressionAttributeNames(names)
                                .expressionAttributeValues(values)
                                .returnValuesOnConditionCheckFailure(onFailure)
                                .build())
                        .build();
            case DELETE:
                return TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(table)
                                .key(key)
                                .conditionExpression(condition)
                                .expressionAttributeNames(names)
                                .expressionAttributeValues(values)
                                .returnValuesOnConditionCheckFailure(onFailure)
                                .build())
                        .build();
            default:
                return TransactWriteItem.builder()
                        .conditionCheck(ConditionCheck.builder()
                                .tableName(table)
                                .key(key)
                                .conditionExpression(condition)
                                .expressionAttributeNames(names)
                                .expressionAttributeValues(values)
                                .returnValuesOnConditionCheckFailure(onFailure)
                                .build())
                        .build();
        }
    }
}
