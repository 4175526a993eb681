package dev.singletable.engine.fidelity;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The ten attribute types, number normalisation and limits, set rules, empty values, and DynamoDB's orderings
 * (numbers numerically, strings and binaries by unsigned bytes), each value written and read back on both engines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataTypesTest extends DifferentialTest {

    private final AtomicInteger ids = new AtomicInteger();
    private String table;

    @BeforeAll
    void createTable() {
        table = hashTable("pk", ScalarAttributeType.S);
    }

    private void roundTrip(AttributeValue value) {
        String id = "v" + ids.incrementAndGet();
        same(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s(id), "v", value))));
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s(id))).consistentRead(true)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{'S':'hello'}",
                "{'S':''}",
                "{'S':'ünïcødé \u2603 \uD83C\uDF89'}",
                "{'S':' leading and trailing '}",
                "{'B':'AAECAwQ='}",
                "{'B':''}",
                "{'BOOL':true}",
                "{'BOOL':false}",
                "{'NULL':true}",
                "{'M':{}}",
                "{'M':{'a':{'S':'x'},'b':{'M':{'c':{'N':'1'},'d':{'L':[{'BOOL':true}]}}}}}",
                "{'M':{'':{'S':'empty name inside a map'}}}",
                "{'L':[]}",
                "{'L':[{'S':'a'},{'N':'1'},{'NULL':true},{'L':[{'SS':['x']}]},{'M':{'k':{'B':'AQ=='}}}]}",
                "{'SS':['a','b','c']}",
                "{'SS':['']}",
                "{'SS':['','a']}",
                "{'NS':['1','2.5','-3','1E+10']}",
                "{'BS':['AQ==','Ag==','']}",
                "{'M':{'s':{'S':''},'b':{'B':''}}}",
                "{'L':[{'S':''}]}"
            })
    void everyTypeRoundTrips(String json) {
        roundTrip(av(json));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1",
                "1.0",
                "-0",
                "0",
                "0.000",
                "-0.0",
                "1E+2",
                "1e2",
                "1E2",
                "0001.500",
                "-1.23e-5",
                "+5",
                ".5",
                "5.",
                "00",
                "100",
                "1000000000000000000000",
                "0.0000000000000001",
                "123.456e3",
                "-123.456E-3",
                "12e0",
                "1.10E-1",
                "9.9999999999999999999999999999999999999E+125",
                "-9.9999999999999999999999999999999999999E+125",
                "1E-130",
                "-1E-130",
                "1E+125",
                "12345678901234567890123456789012345678",
                "0.12345678901234567890123456789012345678",
                "1234567890123456789012345678901234567800000",
                "0.000000000000000000000000000000000000000012345",
                "1.2345678901234567890123456789012345678E-100"
            })
    void numbersAreStoredInCanonicalForm(String number) {
        roundTrip(n(number));
    }

    /** DynamoDB Local words these "A value provided cannot be converted into a number"; AWS names the value. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                " 1",
                "1 ",
                "1.2.3",
                "--1",
                "1e",
                "e5",
                "NaN",
                "Infinity",
                "-Infinity",
                "0x10",
                "1,000",
                "1_000"
            })
    void nonNumbersAreRefusedWithAwsWording(String number) {
        awsDiffers(
                c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("bad"), "v", n(number)))),
                "ValidationException",
                "The parameter cannot be converted to a numeric value: " + number);
    }

    @Test
    void anEmptyNumberIsRefusedWithAwsWording() {
        awsDiffers(
                c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("bad"), "v", n("")))),
                "ValidationException",
                "The parameter cannot be converted to a numeric value");
    }

    /** DynamoDB Local says "DynamoDB only supports precision up to 38 digits". */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "123456789012345678901234567890123456789", "1.23456789012345678901234567890123456789",
                "-123456789012345678901234567890123456789", "1234567890123456789012345678901234567891E+10"
            })
    void moreThan38SignificantDigitsAreRefusedWithAwsWording(String number) {
        awsDiffers(
                c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("bad"), "v", n(number)))),
                "ValidationException",
                "Attempting to store more than 38 significant digits in a Number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+126", "10E+125", "1E-131", "0.1E-129", "1e99999", "1e-99999", "-1E+126", "-1E-131"})
    void numbersOutOfRangeAreRefused(String number) {
        same(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("bad"), "v", n(number)))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{'SS':[]}",
                "{'NS':[]}",
                "{'BS':[]}",
                "{'NS':['1','1']}",
                "{'NS':['1','1.0']}",
                "{'NS':['100','1E2']}",
                "{'NULL':false}",
                "{}",
                "{'S':'a','N':'1'}",
                "{'BOOL':true,'NULL':true}",
                "{'L':[{'SS':[]}]}",
                "{'M':{'x':{'M':{'y':{'NS':['2','2']}}}}}",
                "{'L':[{}]}",
                "{'NS':['1E+126']}"
            })
    void invalidValuesAreRefused(String json) {
        same(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("bad"), "v", av(json)))));
    }

    /** AWS lists the duplicated strings or binaries (with its odd spacing); DynamoDB Local words these otherwise. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{'SS':['a','a']}|One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
                "{'SS':['x','y','x']}|One or more parameter values were invalid: Input collection [x, y, x] contains duplicates.",
                "{'BS':['AQ==','AQ==']}|One or more parameter values were invalid: Input collection [AQ==, AQ==]of type BS "
                        + "contains duplicates.",
                "{'NS':['abc']}|The parameter cannot be converted to a numeric value: abc",
                "{'NS':['1','']}|The parameter cannot be converted to a numeric value",
                "{'M':{'x':{'N':'abc'}}}|The parameter cannot be converted to a numeric value: abc"
            })
    void invalidValuesAreRefusedWithAwsWording(String json, String message) {
        awsDiffers(
                c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("bad"), "v", av(json)))),
                "ValidationException",
                message);
    }

    @Test
    void invalidValuesInKeysAreRefused() {
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", av("{}")))));
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", av("{'S':'a','N':'1'}")))));
        same(c -> c.deleteItem(r -> r.tableName(table).key(Map.of("pk", av("{'SS':[]}")))));
    }

    @Test
    void numericKeysAreNormalised() {
        String numbers = hashTable("id", ScalarAttributeType.N);
        same(c -> c.putItem(r -> r.tableName(numbers).item(Map.of("id", n("1.0"), "v", s("one")))));
        same(c -> c.getItem(r -> r.tableName(numbers).key(Map.of("id", n("1")))));
        same(c -> c.getItem(r -> r.tableName(numbers).key(Map.of("id", n("0001.000e0")))));
        same(c -> c.putItem(r -> r.tableName(numbers)
                .item(Map.of("id", n("10E-1"), "v", s("again")))
                .returnValues("ALL_OLD")));
        same(c -> c.scan(r -> r.tableName(numbers)));
        same(c -> c.putItem(r -> r.tableName(numbers).item(Map.of("id", n("-0"), "v", s("zero")))));
        same(c -> c.getItem(r -> r.tableName(numbers).key(Map.of("id", n("0")))));
        same(c -> c.putItem(r -> r.tableName(numbers).item(Map.of("id", n("1E+126")))));
    }

    @ParameterizedTest
    @CsvSource({
        "N,10,9,>",
        "N,10,9,<",
        "N,-1,-10,>",
        "N,1.0,1,=",
        "N,1.50,1.5,=",
        "N,1E2,100,=",
        "N,0.1,1E-1,=",
        "N,-0,0,=",
        "N,2,10,<",
        "S,a,b,<",
        "S,B,a,<",
        "S,a,B,<",
        "S,abc,ab,>",
        "S,\u00e9,z,>",
        "S,\uFFFD,\uD83D\uDE00,<",
        "S,\uD83D\uDE00,\uFFFD,<",
        "S,\uFF01,\uD800\uDC00,>",
        "S,A,a,<>",
        "B,AQ==,Ag==,<",
        "B,fw==,gA==,<",
        "B,/w==,AA==,>",
        "B,AQI=,AQ==,>",
        "B,AQ==,AQ==,="
    })
    void comparisonsFollowDynamoDbOrdering(String type, String left, String right, String operator) {
        String id = "cmp" + ids.incrementAndGet();
        AttributeValue l = value(type, left);
        AttributeValue rv = value(type, right);
        onBoth(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s(id), "v", l))));
        same(c -> c.deleteItem(r -> r.tableName(table)
                .key(Map.of("pk", s(id)))
                .conditionExpression("v " + operator + " :r")
                .expressionAttributeValues(Map.of(":r", rv))
                .returnValues("ALL_OLD")));
    }

    @ParameterizedTest
    @CsvSource({"N", "S", "B"})
    void sortKeysAreOrderedByDynamoDbRules(String type) {
        String sorted = hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.fromValue(type));
        String[] values =
                switch (type) {
                    case "N" -> new String[] {"-1", "10", "9", "1.5", "0", "-10.5", "1E+3", "2", "0.001", "-1E-130"};
                    case "S" -> new String[] {"a", "B", "\u00e4", "\uD83D\uDE00", "\uFFFD", "aa", "A", "0", "~", " "};
                    default ->
                        new String[] {"AQ==", "fw==", "gA==", "/w==", "AA==", "AAA=", "//8=", "gAE=", "Ag==", "AQI="};
                };
        for (String v : values) {
            AttributeValue sk = value(type, v);
            onBoth(c -> c.putItem(r -> r.tableName(sorted).item(Map.of("pk", s("p"), "sk", sk))));
        }
        same(c -> c.query(r ->
                r.tableName(sorted).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p")))));
        same(c -> c.query(r -> r.tableName(sorted)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))
                .scanIndexForward(false)));
        same(c -> c.query(r -> r.tableName(sorted)
                .keyConditionExpression("pk = :p AND sk > :v")
                .expressionAttributeValues(Map.of(":p", s("p"), ":v", value(type, values[0])))));
    }

    @Test
    void binaryValuesRoundTripByteForByte() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        roundTrip(AttributeValue.fromB(SdkBytes.fromByteArray(all)));
        roundTrip(AttributeValue.fromBs(
                java.util.List.of(SdkBytes.fromByteArray(new byte[] {0}), SdkBytes.fromByteArray(new byte[] {0, 0}))));
    }

    private static AttributeValue value(String type, String text) {
        return switch (type) {
            case "N" -> AttributeValue.fromN(text);
            case "S" -> AttributeValue.fromS(text);
            default ->
                AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(text)));
        };
    }
}
