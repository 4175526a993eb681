package dev.singletable.history;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates {@code <table>-history} (PK/SK strings, on demand) in the local modes; on AWS, Terraform declares it. */
class HistoryTableBootstrap {

    private final DynamoDbClient dynamo;
    private final String tableName;

    HistoryTableBootstrap(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    public void ensureTable() {
        try {
            dynamo.describeTable(r -> r.tableName(tableName));
            return;
        } catch (ResourceNotFoundException absent) {
            // create it below
        }
        try {
            dynamo.createTable(r -> r.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("SK").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH), k -> k.attributeName("SK")
                            .keyType(KeyType.RANGE)));
        } catch (ResourceInUseException raced) {
            // created by another instance
        }
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(tableName));
    }
}
