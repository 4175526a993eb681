package dev.singletable.table;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/** Turns the declared {@link TableLayout} into the CreateTable request a local store needs. */
public final class TableRequestFactory {

    private TableRequestFactory() {}

    public static CreateTableRequest createTable(String tableName, TableLayout layout) {
        CreateTableRequest.Builder b = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(layout.attributeDefinitions().stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(a.name())
                                .attributeType(a.type())
                                .build())
                        .toList())
                .keySchema(keys(layout.partitionKey(), layout.sortKey()));
        if (layout.globalSecondaryIndexes() != null
                && !layout.globalSecondaryIndexes().isEmpty()) {
            b.globalSecondaryIndexes(layout.globalSecondaryIndexes().stream()
                    .map(i -> GlobalSecondaryIndex.builder()
                            .indexName(i.name())
                            .keySchema(keys(i.hashKeys(), i.rangeKeys()))
                            .projection(projection(i))
                            .build())
                    .toList());
        }
        if (layout.localSecondaryIndexes() != null
                && !layout.localSecondaryIndexes().isEmpty()) {
            b.localSecondaryIndexes(layout.localSecondaryIndexes().stream()
                    .map(i -> LocalSecondaryIndex.builder()
                            .indexName(i.name())
                            .keySchema(keys(layout.partitionKey(), i.sortKey()))
                            .projection(projection(i))
                            .build())
                    .toList());
        }
        if (layout.streamViewType() != null) {
            b.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(layout.streamViewType())
                    .build());
        }
        return b.build();
    }

    private static List<KeySchemaElement> keys(String hash, String range) {
        KeySchemaElement h = KeySchemaElement.builder()
                .attributeName(hash)
                .keyType(KeyType.HASH)
                .build();
        if (range == null) {
            return List.of(h);
        }
        return List.of(
                h,
                KeySchemaElement.builder()
                        .attributeName(range)
                        .keyType(KeyType.RANGE)
                        .build());
    }

    /** A multi-attribute key: its HASH attributes in order, then its RANGE attributes in order. */
    private static List<KeySchemaElement> keys(List<String> hash, List<String> range) {
        List<KeySchemaElement> elements = new java.util.ArrayList<>();
        hash.forEach(name -> elements.add(KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.HASH)
                .build()));
        range.forEach(name -> elements.add(KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.RANGE)
                .build()));
        return List.copyOf(elements);
    }

    private static Projection projection(TableLayout.Index index) {
        Projection.Builder p = Projection.builder().projectionType(ProjectionType.fromValue(index.projection()));
        if (index.nonKeyAttributes() != null && !index.nonKeyAttributes().isEmpty()) {
            p.nonKeyAttributes(index.nonKeyAttributes());
        }
        return p.build();
    }
}
