package dev.singletable.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The shape walk notes a {@code null} inside a list or map, so that {@link RequestShapes#validate} runs the second
 * walk ({@link NullMembers}) only then: every request that {@link NullMembers} refuses must be noted, and the usual
 * requests (those the service's enhanced client builds) must not be, or the second walk is not saved. (A null key in
 * BatchGetItem's {@code Keys} cannot be built with the SDK's builders, which make it an empty map; over the wire it is
 * {@code NullInsideRequestsTest}'s, which runs the same validation.)
 */
class ShapeWalkerNullsTest {

    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("a"));
    private static final Map<String, AttributeValue> ITEM =
            Map.of("pk", AttributeValue.fromS("a"), "tags", AttributeValue.fromL(List.of(AttributeValue.fromS("x"))));

    private static boolean sawNull(SdkRequest request) {
        ShapeWalker walker = new ShapeWalker();
        assertThat(walker.walk(request)).as("no shape violation in %s", request).isEmpty();
        return walker.sawNullInside();
    }

    private static <T> List<T> withNull(T first) {
        return new ArrayList<>(Arrays.asList(first, null));
    }

    @Test
    void usualRequestsHoldNoNull() {
        List<SdkRequest> requests = List.of(
                PutItemRequest.builder().tableName("tbl").item(ITEM).build(),
                QueryRequest.builder()
                        .tableName("tbl")
                        .keyConditionExpression("#p = :p")
                        .expressionAttributeNames(Map.of("#p", "pk"))
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a")))
                        .build(),
                TransactWriteItemsRequest.builder()
                        .transactItems(
                                TransactWriteItem.builder()
                                        .put(Put.builder()
                                                .tableName("tbl")
                                                .item(ITEM)
                                                .build())
                                        .build(),
                                TransactWriteItem.builder()
                                        .put(Put.builder()
                                                .tableName("tbl")
                                                .item(KEY)
                                                .build())
                                        .build())
                        .build(),
                BatchGetItemRequest.builder()
                        .requestItems(Map.of(
                                "tbl",
                                KeysAndAttributes.builder()
                                        .keys(KEY, Map.of("pk", AttributeValue.fromS("b")))
                                        .build()))
                        .build(),
                BatchWriteItemRequest.builder()
                        .requestItems(Map.of(
                                "tbl",
                                List.of(WriteRequest.builder()
                                        .putRequest(
                                                PutRequest.builder().item(ITEM).build())
                                        .build())))
                        .build());
        for (SdkRequest request : requests) {
            assertThat(sawNull(request)).as("%s", request).isFalse();
            assertThatCode(() -> RequestShapes.validate(request)).doesNotThrowAnyException();
        }
    }

    @Test
    void everyNullThatNullMembersRefusesIsNoted() {
        Map<String, KeysAndAttributes> nullKeysAndAttributes = new HashMap<>();
        nullKeysAndAttributes.put("tbl", null);
        Map<String, Condition> nullCondition = new HashMap<>();
        nullCondition.put("a", null);
        Map<String, AttributeValue> keyWithNull = new HashMap<>(KEY);
        keyWithNull.put("sk", null);
        List<SdkRequest> requests = List.of(
                TransactWriteItemsRequest.builder()
                        .transactItems(withNull(TransactWriteItem.builder()
                                .put(Put.builder().tableName("tbl").item(ITEM).build())
                                .build()))
                        .build(),
                BatchWriteItemRequest.builder()
                        .requestItems(Map.of(
                                "tbl",
                                withNull(WriteRequest.builder()
                                        .putRequest(
                                                PutRequest.builder().item(ITEM).build())
                                        .build())))
                        .build(),
                BatchGetItemRequest.builder()
                        .requestItems(nullKeysAndAttributes)
                        .build(),
                ScanRequest.builder().tableName("tbl").scanFilter(nullCondition).build(),
                ScanRequest.builder()
                        .tableName("tbl")
                        .attributesToGet(withNull("a"))
                        .build());
        for (SdkRequest request : requests) {
            assertThatCode(() -> NullMembers.check(request)).as("%s", request).isInstanceOf(DynamoDbException.class);
            assertThat(sawNull(request)).as("%s", request).isTrue();
            assertThatThrownBy(() -> RequestShapes.validate(request)).isInstanceOf(DynamoDbException.class);
        }
        // a null attribute value inside a key is the value validation's to refuse, not NullMembers': noting it only
        // costs the second walk
        SdkRequest nullInKey = BatchGetItemRequest.builder()
                .requestItems(Map.of(
                        "tbl",
                        KeysAndAttributes.builder().keys(List.of(keyWithNull)).build()))
                .build();
        assertThat(sawNull(nullInKey)).isTrue();
        assertThatCode(() -> NullMembers.check(nullInKey)).doesNotThrowAnyException();
    }
}
