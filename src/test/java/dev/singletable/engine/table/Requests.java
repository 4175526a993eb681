package dev.singletable.engine.table;

import java.util.Arrays;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/** Small builders for control-plane requests in tests. */
final class Requests {

    private Requests() {}

    static AttributeDefinition attr(String name, String type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType("HASH").build();
    }

    static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType("RANGE").build();
    }

    static KeySchemaElement key(String name, String type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static ProvisionedThroughput units(long read, long write) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(read)
                .writeCapacityUnits(write)
                .build();
    }

    static Projection projection(String type, String... nonKeyAttributes) {
        Projection.Builder p = Projection.builder().projectionType(type);
        if (nonKeyAttributes.length > 0) {
            p.nonKeyAttributes(Arrays.asList(nonKeyAttributes));
        }
        return p.build();
    }

    static GlobalSecondaryIndex gsi(String name, Projection projection, KeySchemaElement... keys) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(keys)
                .projection(projection)
                .build();
    }

    static LocalSecondaryIndex lsi(String name, Projection projection, KeySchemaElement... keys) {
        return LocalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(keys)
                .projection(projection)
                .build();
    }

    /** An on-demand table "tbl" with hash key "pk" (S). */
    static CreateTableRequest.Builder onDemand() {
        return CreateTableRequest.builder()
                .tableName("tbl")
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(attr("pk", "S"))
                .keySchema(hash("pk"));
    }

    /** An on-demand table "tbl" with hash key "pk" (S) and range key "sk" (S). */
    static CreateTableRequest.Builder onDemandWithRange() {
        return CreateTableRequest.builder()
                .tableName("tbl")
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(attr("pk", "S"), attr("sk", "S"))
                .keySchema(hash("pk"), range("sk"));
    }
}
