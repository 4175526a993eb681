package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.value.AttributeValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Item size by DynamoDB's rules (names count, numbers by their digits, nested overhead) measured at the 400 KB
 * boundary on both engines, key size limits, nesting depth, and the key checks every single-item operation makes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemSizeAndKeyLimitsTest extends DifferentialTest {

    private static final long MAX_ITEM = 400 * 1024;
    private String table;
    private String ranged;

    @BeforeAll
    void createTables() {
        table = hashTable("pk", ScalarAttributeType.S);
        ranged = hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S);
    }

    /** Item shapes whose size is made exactly 400 KB with a string filler, then one byte more. */
    private static Map<String, AttributeValue> shape(int variant) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s("size" + variant));
        switch (variant) {
            case 1 -> {}
            case 2 -> item.put("n".repeat(1000), s("long attribute name"));
            case 3 -> {
                item.put("n1", n("1"));
                item.put("n2", n("-12345678901234567890123456789012345678"));
                item.put("n3", n("0.000001"));
                item.put("n4", n("1E+125"));
                item.put("n5", n("123.456"));
                item.put("n6", n("10"));
                item.put("n7", n("100"));
                item.put("n8", n("-0.5"));
            }
            case 4 -> item.put("m", av("{'M':{'a':{'M':{'b':{'M':{'c':{'S':'deep'}}}}},'x':{'N':'7'}}}"));
            case 5 -> {
                List<AttributeValue> list = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    list.add(n(Integer.toString(i)));
                }
                item.put("l", AttributeValue.fromL(list));
            }
            case 6 -> {
                item.put("ss", av("{'SS':['a','bb','ccc']}"));
                item.put("ns", av("{'NS':['1','22','333.5']}"));
                item.put("bs", av("{'BS':['AQ==','AgM=']}"));
            }
            case 7 -> {
                item.put("t", av("{'BOOL':true}"));
                item.put("z", av("{'NULL':true}"));
                item.put("em", av("{'M':{}}"));
                item.put("el", av("{'L':[]}"));
                item.put("es", s(""));
            }
            case 8 -> item.put("\u00fcn\u00efc\u00f8d\u00e9\u20ac", s("\u20ac\u20ac\u20ac \uD83D\uDE00"));
            case 9 ->
                item.put("lm", av("{'L':[{'M':{'k':{'S':'v'}}},{'L':[{'N':'1'},{'BOOL':false}]},{'NULL':true}]}"));
            default -> item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[1000])));
        }
        return item;
    }

    private static Map<String, AttributeValue> withFiller(Map<String, AttributeValue> shape, long totalSize) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(shape);
        item.put("f", s(""));
        long without = AttributeValues.itemSize(item);
        item.put("f", s("x".repeat((int) (totalSize - without))));
        assertThat(AttributeValues.itemSize(item)).isEqualTo(totalSize);
        return item;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void itemsOfExactly400KbAreAcceptedAndOneByteMoreIsRefused(int variant) {
        Map<String, AttributeValue> largest = withFiller(shape(variant), MAX_ITEM);
        Map<String, AttributeValue> tooLarge = withFiller(shape(variant), MAX_ITEM + 1);
        same(c -> c.putItem(r -> r.tableName(table).item(tooLarge)));
        same(c -> c.putItem(r -> r.tableName(table).item(largest)));
        same(c -> c.getItem(
                r -> r.tableName(table).key(Map.of("pk", largest.get("pk"))).projectionExpression("pk")));
    }

    @Test
    void updatesMayNotGrowAnItemBeyond400Kb() {
        Map<String, AttributeValue> start = withFiller(shape(1), MAX_ITEM - 10);
        onBoth(c -> c.putItem(r -> r.tableName(table).item(start)));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", start.get("pk")))
                .updateExpression("SET g = :v")
                .expressionAttributeValues(Map.of(":v", s("12345678901")))));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", start.get("pk")))
                .updateExpression("SET g = :v")
                .expressionAttributeValues(Map.of(":v", s("1234567")))));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", start.get("pk")))
                .updateExpression("SET g = :v")
                .expressionAttributeValues(Map.of(":v", s("12345678")))));
        same(c -> c.getItem(
                r -> r.tableName(table).key(Map.of("pk", start.get("pk"))).projectionExpression("g")));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("fresh")))
                .updateExpression("SET g = :v")
                .expressionAttributeValues(Map.of(":v", s("y".repeat(410_000))))));
    }

    @Test
    void partitionKeysUpTo2048BytesAreAccepted() {
        same(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("k".repeat(2048))))));
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s("k".repeat(2048))))));
        same(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("\u20ac".repeat(682))))));
        same(c ->
                c.putItem(r -> r.tableName(ranged).item(Map.of("pk", s("k".repeat(2048)), "sk", s("s".repeat(1024))))));
        same(c ->
                c.getItem(r -> r.tableName(ranged).key(Map.of("pk", s("k".repeat(2048)), "sk", s("s".repeat(1024))))));
        same(c -> c.putItem(r -> r.tableName(ranged).item(Map.of("pk", s("p"), "sk", s("\u20ac".repeat(341))))));
    }

    @Test
    void oversizedKeysAreRefusedWithAwsWording() {
        String hashTooBig = "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size "
                + "limit of2048 bytes";
        String rangeTooBig =
                "One or more parameter values were invalid: Aggregated size of all range keys has exceeded "
                        + "the size limit of 1024 bytes";
        awsDiffers(
                c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("k".repeat(2049))))),
                "ValidationException",
                hashTooBig);
        awsDiffers(
                c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("\u20ac".repeat(683))))),
                "ValidationException",
                hashTooBig);
        awsDiffers(
                c -> c.putItem(r -> r.tableName(ranged).item(Map.of("pk", s("p"), "sk", s("s".repeat(1025))))),
                "ValidationException",
                rangeTooBig);
        awsDiffers(
                c -> c.updateItem(r -> r.tableName(table)
                        .key(Map.of("pk", s("k".repeat(2049))))
                        .updateExpression("SET a = :a")
                        .expressionAttributeValues(Map.of(":a", n("1")))),
                "ValidationException",
                hashTooBig);
        awsDiffers(
                c -> c.deleteItem(r -> r.tableName(table).key(Map.of("pk", s("k".repeat(4000))))),
                "ValidationException",
                hashTooBig);
        awsDiffers(
                c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s("k".repeat(2049))))),
                "ValidationException",
                hashTooBig);
        // DynamoDB Local answers a GetItem with an oversized sort key with no item; AWS refuses the key
        assertThat(oursOnly(c -> c.getItem(
                                r -> r.tableName(ranged).key(Map.of("pk", s("p"), "sk", s("s".repeat(1025))))))
                        .message())
                .isEqualTo(rangeTooBig);
        // values are validated before keys
        awsDiffers(
                c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("k".repeat(2049)), "v", n("x")))),
                "ValidationException",
                "The parameter cannot be converted to a numeric value: x");
    }

    private static AttributeValue nestedMap(int levels) {
        AttributeValue v = s("leaf");
        for (int i = 0; i < levels; i++) {
            v = AttributeValue.fromM(Map.of("m", v));
        }
        return v;
    }

    private static AttributeValue nestedList(int levels) {
        AttributeValue v = n("1");
        for (int i = 0; i < levels; i++) {
            v = AttributeValue.fromL(List.of(v));
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 30, 31, 32, 33, 40})
    void nestingIsLimitedTo32Levels(int levels) {
        same(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("deepM" + levels), "d", nestedMap(levels)))));
        same(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("deepL" + levels), "d", nestedList(levels)))));
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s("deepM" + levels)))));
    }

    @Test
    void nestingCountsInUpdatesToo() {
        onBoth(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("deepU"), "d", nestedMap(31)))));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("deepU")))
                .updateExpression("SET e = :v")
                .expressionAttributeValues(Map.of(":v", nestedMap(32)))));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("deepU")))
                .updateExpression("SET e = :v")
                .expressionAttributeValues(Map.of(":v", nestedMap(33)))));
    }

    @Test
    void keyAttributesMustBePresentAndOfTheRightType() {
        awsDiffers(
                c -> c.putItem(r -> r.tableName(table).item(Map.of("other", s("x")))),
                "ValidationException",
                "One or more parameter values were invalid: Missing the key pk in the item");
        awsDiffers(
                c -> c.putItem(r -> r.tableName(ranged).item(Map.of("pk", s("x")))),
                "ValidationException",
                "One or more parameter values were invalid: Missing the key sk in the item");
        awsDiffers(
                c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", n("1")))),
                "ValidationException",
                "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
        awsDiffers(
                c -> c.putItem(r -> r.tableName(ranged).item(Map.of("pk", s("a"), "sk", av("{'SS':['x']}")))),
                "ValidationException",
                "One or more parameter values were invalid: Type mismatch for key sk expected: S actual: SS");
        awsDiffers(
                c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", av("{'M':{}}")))),
                "ValidationException",
                "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: M");
        same(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("")))));
        same(c -> c.putItem(r -> r.tableName(ranged).item(Map.of("pk", s("a"), "sk", s("")))));
    }

    @Test
    void keyParametersMustMatchTheSchemaExactly() {
        onBoth(c -> c.putItem(r -> r.tableName(ranged).item(Map.of("pk", s("a"), "sk", s("b"), "v", n("1")))));
        // DynamoDB Local: "The number of conditions on the keys is invalid"
        awsDiffers(
                c -> c.getItem(r -> r.tableName(ranged).key(Map.of("pk", s("a")))),
                "ValidationException",
                "The provided key element does not match the schema");
        awsDiffers(
                c -> c.getItem(r -> r.tableName(ranged).key(Map.of("sk", s("b")))),
                "ValidationException",
                "The provided key element does not match the schema");
        // DynamoDB Local: "One or more parameter values were invalid: Type mismatch for key"
        awsDiffers(
                c -> c.getItem(r -> r.tableName(ranged).key(Map.of("pk", s("a"), "sk", n("1")))),
                "ValidationException",
                "The provided key element does not match the schema");
        awsDiffers(
                c -> c.getItem(r -> r.tableName(ranged).key(Map.of("pk", n("1"), "sk", s("b")))),
                "ValidationException",
                "The provided key element does not match the schema");
        // DynamoDB Local: "One of the required keys was not given a value"
        awsDiffers(
                c -> c.getItem(r -> r.tableName(ranged).key(Map.of("pk", s("a"), "other", s("b")))),
                "ValidationException",
                "The provided key element does not match the schema");
        same(c -> c.getItem(r -> r.tableName(ranged).key(Map.of("pk", s(""), "sk", s("b")))));
        same(c -> c.getItem(r -> r.tableName(ranged).key(Map.of("pk", s("a"), "sk", s("")))));
        awsDiffers(
                c -> c.deleteItem(r -> r.tableName(ranged).key(Map.of("pk", s("a")))),
                "ValidationException",
                "The provided key element does not match the schema");
        awsDiffers(
                c -> c.updateItem(r -> r.tableName(ranged)
                        .key(Map.of("pk", s("a")))
                        .updateExpression("SET v = :v")
                        .expressionAttributeValues(Map.of(":v", n("2")))),
                "ValidationException",
                "The provided key element does not match the schema");
        awsDiffers(
                c -> c.getItem(r -> r.tableName(table).key(Map.of())),
                "ValidationException",
                "The provided key element does not match the schema");
        awsDiffers(
                c -> c.getItem(r -> r.tableName(ranged).key(Map.of("pk", s("a"), "sk", s("b"), "v", n("1")))),
                "ValidationException",
                "The provided key element does not match the schema");
        awsDiffers(
                c -> c.deleteItem(r -> r.tableName(table).key(Map.of("pk", s("a"), "x", s("b")))),
                "ValidationException",
                "The provided key element does not match the schema");
        same(c -> c.getItem(r -> r.tableName(ranged).key(Map.of("pk", s("a"), "sk", s("b")))));
    }

    @Test
    void binaryKeys() {
        String binary = hashTable("id", ScalarAttributeType.B);
        same(c -> c.putItem(r -> r.tableName(binary).item(Map.of("id", av("{'B':'AAEC'}"), "v", n("1")))));
        same(c -> c.getItem(r -> r.tableName(binary).key(Map.of("id", av("{'B':'AAEC'}")))));
        same(c -> c.putItem(r -> r.tableName(binary).item(Map.of("id", av("{'B':''}")))));
        same(c -> c.getItem(r -> r.tableName(binary).key(Map.of("id", av("{'B':''}")))));
        same(c -> c.putItem(r ->
                r.tableName(binary).item(Map.of("id", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[2048]))))));
        awsDiffers(
                c -> c.putItem(r -> r.tableName(binary)
                        .item(Map.of("id", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[2049]))))),
                "ValidationException",
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 "
                        + "bytes");
    }

    @Test
    void attributeNames() {
        same(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("names"), "", s("x")))));
        Map<String, AttributeValue> odd = new HashMap<>();
        odd.put("pk", s("names"));
        odd.put("a.b", s("dotted"));
        odd.put("with space", s("spaced"));
        odd.put("#hash", s("x"));
        odd.put(":colon", s("y"));
        odd.put("[0]", s("z"));
        odd.put("\u00fcml\u00e4ut", s("u"));
        same(c -> c.putItem(r -> r.tableName(table).item(odd)));
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s("names")))));
        // DynamoDB Local's embedded client cannot even serialize a 64 KB attribute name; AWS accepts it
        assertThat(oursOnly(c -> c.putItem(
                                r -> r.tableName(table).item(Map.of("pk", s("long"), "a".repeat(65535), s("x")))))
                        .message())
                .isNull();
        assertThat(oursOnly(c -> c.putItem(
                                r -> r.tableName(table).item(Map.of("pk", s("long"), "a".repeat(65536), s("x")))))
                        .isError())
                .isTrue();
    }
}
