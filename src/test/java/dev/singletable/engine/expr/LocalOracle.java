package dev.singletable.engine.expr;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB Local as an oracle for expression behaviour, one embedded instance per test JVM. Tables: "items" (hash
 * key pk, S) and "ranged" (hash pk, range sk, both S). Results are rendered as "TRUE"/"FALSE", "OK &lt;json&gt;" or
 * "ERR &lt;message&gt;" so that they can be compared with the engine's.
 */
final class LocalOracle {

    static final String ITEMS = "items";
    static final String RANGED = "ranged";

    private static LocalOracle instance;

    private final AmazonDynamoDBLocal local;
    private final DynamoDbClient client;

    private LocalOracle() {
        local = DynamoDBEmbedded.create(true);
        client = local.dynamoDbClient();
        create(ITEMS, false);
        create(RANGED, true);
        Runtime.getRuntime().addShutdownHook(new Thread(local::shutdown));
    }

    static synchronized LocalOracle get() {
        if (instance == null) {
            instance = new LocalOracle();
        }
        return instance;
    }

    private void create(String name, boolean ranged) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> defs = new ArrayList<>();
        keys.add(KeySchemaElement.builder()
                .attributeName("pk")
                .keyType(KeyType.HASH)
                .build());
        defs.add(AttributeDefinition.builder()
                .attributeName("pk")
                .attributeType(ScalarAttributeType.S)
                .build());
        if (ranged) {
            keys.add(KeySchemaElement.builder()
                    .attributeName("sk")
                    .keyType(KeyType.RANGE)
                    .build());
            defs.add(AttributeDefinition.builder()
                    .attributeName("sk")
                    .attributeType(ScalarAttributeType.S)
                    .build());
        }
        client.createTable(r ->
                r.tableName(name).keySchema(keys).attributeDefinitions(defs).billingMode(BillingMode.PAY_PER_REQUEST));
    }

    /** Puts the item, then puts it again under the condition. */
    String condition(
            Map<String, AttributeValue> item,
            String expr,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        try {
            client.putItem(r -> r.tableName(ITEMS).item(item));
            client.putItem(r -> r.tableName(ITEMS)
                    .item(item)
                    .conditionExpression(expr)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return "TRUE";
        } catch (ConditionalCheckFailedException e) {
            return "FALSE";
        } catch (DynamoDbException e) {
            return "ERR " + e.awsErrorDetails().errorMessage();
        }
    }

    /** Deletes the item, then puts it under the condition (which is evaluated against no item). */
    String conditionOnAbsentItem(
            Map<String, AttributeValue> item,
            String expr,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        try {
            client.deleteItem(r -> r.tableName(ITEMS).key(Map.of("pk", item.get("pk"))));
            client.putItem(r -> r.tableName(ITEMS)
                    .item(item)
                    .conditionExpression(expr)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return "TRUE";
        } catch (ConditionalCheckFailedException e) {
            return "FALSE";
        } catch (DynamoDbException e) {
            return "ERR " + e.awsErrorDetails().errorMessage();
        }
    }

    /** Puts the item, applies the update and returns the whole new item (or the requested ReturnValues). */
    String update(
            Map<String, AttributeValue> item,
            String expr,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            ReturnValue returnValue) {
        try {
            client.putItem(r -> r.tableName(ITEMS).item(item));
            Map<String, AttributeValue> key = Map.of("pk", item.get("pk"));
            Map<String, AttributeValue> out = client.updateItem(r -> r.tableName(ITEMS)
                            .key(key)
                            .updateExpression(expr)
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .returnValues(returnValue))
                    .attributes();
            return "OK " + DynamoJson.json(out);
        } catch (DynamoDbException e) {
            return "ERR " + e.awsErrorDetails().errorMessage();
        }
    }

    String projection(Map<String, AttributeValue> item, String expr, Map<String, String> names) {
        try {
            client.putItem(r -> r.tableName(ITEMS).item(item));
            Map<String, AttributeValue> key = Map.of("pk", item.get("pk"));
            Map<String, AttributeValue> out = client.getItem(r -> r.tableName(ITEMS)
                            .key(key)
                            .projectionExpression(expr)
                            .expressionAttributeNames(names))
                    .item();
            return "OK " + DynamoJson.json(out);
        } catch (DynamoDbException e) {
            return "ERR " + e.awsErrorDetails().errorMessage();
        }
    }

    String expected(Map<String, AttributeValue> item, Map<String, ExpectedAttributeValue> expected, String op) {
        try {
            client.putItem(r -> r.tableName(ITEMS).item(item));
            client.putItem(r -> r.tableName(ITEMS).item(item).expected(expected).conditionalOperator(op));
            return "TRUE";
        } catch (ConditionalCheckFailedException e) {
            return "FALSE";
        } catch (DynamoDbException e) {
            return "ERR " + e.awsErrorDetails().errorMessage();
        }
    }

    /** Scans a table holding only the given item with a ScanFilter: TRUE when the item passes. */
    String scanFilter(Map<String, AttributeValue> item, Map<String, Condition> filter, String op) {
        try {
            client.putItem(r -> r.tableName(RANGED).item(item));
            int n = client.scan(r -> r.tableName(RANGED).scanFilter(filter).conditionalOperator(op))
                    .count();
            client.deleteItem(r -> r.tableName(RANGED).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
            return n == 1 ? "TRUE" : "FALSE";
        } catch (DynamoDbException e) {
            client.deleteItem(r -> r.tableName(RANGED).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
            return "ERR " + e.awsErrorDetails().errorMessage();
        }
    }

    String attributeUpdates(Map<String, AttributeValue> item, Map<String, AttributeValueUpdate> updates) {
        try {
            client.putItem(r -> r.tableName(ITEMS).item(item));
            Map<String, AttributeValue> out = client.updateItem(r -> r.tableName(ITEMS)
                            .key(Map.of("pk", item.get("pk")))
                            .attributeUpdates(updates)
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            return "OK " + DynamoJson.json(out);
        } catch (DynamoDbException e) {
            return "ERR " + e.awsErrorDetails().errorMessage();
        }
    }

    String keyConditions(String table, Map<String, Condition> conditions) {
        try {
            client.query(r -> r.tableName(table).keyConditions(conditions));
            return "OK";
        } catch (DynamoDbException e) {
            return "ERR " + e.awsErrorDetails().errorMessage();
        }
    }

    String attributesToGet(Map<String, AttributeValue> item, List<String> names) {
        try {
            client.putItem(r -> r.tableName(ITEMS).item(item));
            return "OK "
                    + DynamoJson.json(client.getItem(r -> r.tableName(ITEMS)
                                    .key(Map.of("pk", item.get("pk")))
                                    .attributesToGet(names))
                            .item());
        } catch (DynamoDbException e) {
            return "ERR " + e.awsErrorDetails().errorMessage();
        }
    }

    /** Runs the key condition on a table; only whether it is accepted (and the error) matters. */
    String keyCondition(String table, String expr, Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            client.query(r -> r.tableName(table)
                    .keyConditionExpression(expr)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return "OK";
        } catch (DynamoDbException e) {
            return "ERR " + e.awsErrorDetails().errorMessage();
        }
    }
}
