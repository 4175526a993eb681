package dev.singletable.engine.partiql;

import java.util.Map;
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
 * {@code key} is the primary key of the item written; {@code item} is set for INSERT only.
 */
record WriteAction(
        Kind kind,
        String table,
        Map<String, AttributeValue> item,
        Map<String, AttributeValue> key,
        String updateExpression,
        String condition,
        Map<String, String> names,
        Map<String, AttributeValue> values,
        String returnValues) {

    enum Kind {
        INSERT,
        UPDATE,
        DELETE,
        CHECK
    }

    PutItemRequest putRequest(String returnOnFailure) {
        return PutItemRequest.builder()
                .tableName(table)
                .item(item)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(returnOnFailure)
                .build();
    }

    UpdateItemRequest updateRequest(String returnOnFailure) {
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

    DeleteItemRequest deleteRequest(String returnOnFailure) {
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

    TransactWriteItem transactItem(ReturnValuesOnConditionCheckFailure onFailure) {
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
