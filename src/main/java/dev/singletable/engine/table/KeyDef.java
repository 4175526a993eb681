package dev.singletable.engine.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A key schema: the partition (HASH) attributes and the sort (RANGE) attributes, in key-schema order, with their
 * scalar types. A table or a local index has one partition attribute and at most one sort attribute; a global index
 * may have up to four of each (multi-attribute keys: the partition key is all HASH values together, the sort key
 * orders by the RANGE values one after another,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.MultiAttributeKeys).
 */
public record KeyDef(List<KeyPart> hashParts, List<KeyPart> rangeParts) {

    /** The most HASH, and the most RANGE, attributes a global index's key may have. */
    public static final int MAX_PARTS = 4;

    /** One attribute of a key. */
    public record KeyPart(String name, ScalarAttributeType type) {}

    public KeyDef {
        hashParts = List.copyOf(hashParts);
        rangeParts = List.copyOf(rangeParts);
        if (hashParts.isEmpty()) {
            throw new IllegalArgumentException("a key needs a partition attribute");
        }
    }

    /** A single-attribute key: a partition attribute and an optional (null) sort attribute. */
    public KeyDef(
            String hashName,
            ScalarAttributeType hashType,
            @Nullable String rangeName,
            @Nullable ScalarAttributeType rangeType) {
        this(
                List.of(new KeyPart(hashName, hashType)),
                rangeName == null
                        ? List.of()
                        : List.of(new KeyPart(
                                rangeName, Objects.requireNonNull(rangeType, "a sort attribute without its type"))));
    }

    /** The (first) partition attribute: the only one unless {@link #multiAttribute()}. */
    public String hashName() {
        return hashParts.get(0).name();
    }

    public ScalarAttributeType hashType() {
        return hashParts.get(0).type();
    }

    /** The (first) sort attribute, or null without a sort key. */
    public @Nullable String rangeName() {
        return rangeParts.isEmpty() ? null : rangeParts.get(0).name();
    }

    /** The (first) sort attribute's type, or null without a sort key. */
    public @Nullable ScalarAttributeType rangeType() {
        return rangeParts.isEmpty() ? null : rangeParts.get(0).type();
    }

    public boolean hasRange() {
        return !rangeParts.isEmpty();
    }

    /** More than one partition or sort attribute (a global index's multi-attribute key). */
    public boolean multiAttribute() {
        return hashParts.size() > 1 || rangeParts.size() > 1;
    }

    /** True if the attribute is one of this key's attributes. */
    public boolean isKeyAttribute(String attributeName) {
        for (KeyPart p : hashParts) {
            if (p.name().equals(attributeName)) {
                return true;
            }
        }
        for (KeyPart p : rangeParts) {
            if (p.name().equals(attributeName)) {
                return true;
            }
        }
        return false;
    }

    /** The key attribute names, partition attributes first, each group in key-schema order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(hashParts.size() + rangeParts.size());
        hashParts.forEach(p -> names.add(p.name()));
        rangeParts.forEach(p -> names.add(p.name()));
        return names;
    }

    public List<String> hashNames() {
        return hashParts.stream().map(KeyPart::name).toList();
    }

    public List<String> rangeNames() {
        return rangeParts.stream().map(KeyPart::name).toList();
    }

    /** The key schema as DynamoDB describes it: the HASH elements, then the RANGE elements. */
    public List<KeySchemaElement> toKeySchema() {
        List<KeySchemaElement> schema = new ArrayList<>(hashParts.size() + rangeParts.size());
        for (KeyPart p : hashParts) {
            schema.add(KeySchemaElement.builder()
                    .attributeName(p.name())
                    .keyType(KeyType.HASH)
                    .build());
        }
        for (KeyPart p : rangeParts) {
            schema.add(KeySchemaElement.builder()
                    .attributeName(p.name())
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return schema;
    }
}
