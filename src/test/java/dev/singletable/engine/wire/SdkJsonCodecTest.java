package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** The model-driven reader and writer agree with each other and with AWS's JSON conventions. */
class SdkJsonCodecTest {

    @Test
    void complexRequestsSurviveWriteThenRead() throws IOException {
        AttributeValue nested = AttributeValue.fromM(Map.of(
                "list",
                AttributeValue.fromL(List.of(
                        AttributeValue.fromN("1e3"),
                        AttributeValue.fromNul(true),
                        AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {(byte) 0xFE, 0})))))));
        TransactWriteItemsRequest transact = TransactWriteItemsRequest.builder()
                .clientRequestToken("token")
                .transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("t")
                                        .item(Map.of("pk", AttributeValue.fromS("a"), "doc", nested))
                                        .conditionExpression("attribute_not_exists(pk)"))
                                .build(),
                        TransactWriteItem.builder()
                                .update(u -> u.tableName("t")
                                        .key(Map.of("pk", AttributeValue.fromS("b")))
                                        .updateExpression("ADD #n :one")
                                        .expressionAttributeNames(Map.of("#n", "n"))
                                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
                                .build())
                .returnConsumedCapacity("TOTAL")
                .build();
        assertThat(roundTrip(transact, TransactWriteItemsRequest::builder)).isEqualTo(transact);

        CreateTableRequest create = CreateTableRequest.builder()
                .tableName("t")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder()
                        .attributeName("pk")
                        .keyType(KeyType.HASH)
                        .build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("g")
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("x")
                                .keyType(KeyType.HASH)
                                .build())
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("a", "b")
                                .build())
                        .build())
                .tags(Tag.builder().key("k").value("v").build())
                .deletionProtectionEnabled(true)
                .build();
        assertThat(roundTrip(create, CreateTableRequest::builder)).isEqualTo(create);

        QueryRequest query = QueryRequest.builder()
                .tableName("t")
                .limit(25)
                .scanIndexForward(false)
                .exclusiveStartKey(Map.of("pk", AttributeValue.fromB(SdkBytes.fromUtf8String("k"))))
                .build();
        assertThat(roundTrip(query, QueryRequest::builder)).isEqualTo(query);
    }

    @Test
    void timestampsAreEpochSecondsWithFractions() throws IOException {
        TableDescription table = TableDescription.builder()
                .creationDateTime(Instant.ofEpochSecond(1507075588, 385_000_000))
                .build();
        assertThat(write(table)).isEqualTo("{\"CreationDateTime\":1507075588.385}");
        assertThat(write(TableDescription.builder()
                        .creationDateTime(Instant.ofEpochSecond(1_700_000_000))
                        .build()))
                .isEqualTo("{\"CreationDateTime\":1700000000}");

        RestoreTableToPointInTimeRequest restore =
                read("{\"RestoreDateTime\":1.5070755883855E9}", RestoreTableToPointInTimeRequest::builder);
        assertThat(restore.restoreDateTime()).isEqualTo(Instant.ofEpochSecond(1507075588, 385_500_000));
        assertThatThrownBy(
                        () -> read("{\"RestoreDateTime\":\"2020-01-01\"}", RestoreTableToPointInTimeRequest::builder))
                .isInstanceOf(WireSerializationException.class)
                .hasMessage("class java.lang.String can not be converted to an Date");
    }

    @Test
    void unsetCollectionsAreOmittedButExplicitEmptyOnesAreWritten() throws IOException {
        assertThat(write(ScanResponse.builder().count(0).build())).isEqualTo("{\"Count\":0}");
        assertThat(write(ScanResponse.builder().items(List.of()).build())).isEqualTo("{\"Items\":[]}");
        QueryRequest read = read("{\"TableName\":\"t\",\"ExpressionAttributeValues\":{}}", QueryRequest::builder);
        assertThat(read.hasExpressionAttributeValues()).isTrue();
        assertThat(read.hasExclusiveStartKey()).isFalse();
    }

    @Test
    void nullsInsideCollectionsReachTheBackendForItToJudge() throws IOException {
        QueryRequest read = read(
                "{\"AttributesToGet\":[null,\"a\"],\"ExpressionAttributeValues\":{\":v\":null}}",
                QueryRequest::builder);
        assertThat(read.attributesToGet()).containsExactly(null, "a");
        assertThat(read.expressionAttributeValues()).containsEntry(":v", null);
    }

    @Test
    void numbersStayStringsAndHugeExponentsAreRejectedCheaply() throws IOException {
        QueryRequest read = read(
                "{\"ExclusiveStartKey\":{\"n\":{\"N\":\"0.000000000000000000000000000000000000001\"}}}",
                QueryRequest::builder);
        assertThat(read.exclusiveStartKey().get("n").n()).isEqualTo("0.000000000000000000000000000000000000001");
        assertThatThrownBy(() -> read("{\"Limit\":1e999999999}", QueryRequest::builder))
                .isInstanceOf(WireSerializationException.class)
                .hasMessage("class java.lang.Double can not be converted to an Integer");
        assertThatThrownBy(() -> read("{\"Limit\":2147483648}", QueryRequest::builder))
                .hasMessage("class java.lang.Long can not be converted to an Integer");
    }

    @Test
    void blobsAreStrictBase64() {
        assertThat(Base64Blob.decode("")).isEmpty();
        assertThat(Base64Blob.decode("AAEC/w==")).containsExactly(0, 1, 2, 255);
        assertThat(Base64Blob.decode("YWI=")).isEqualTo("ab".getBytes(StandardCharsets.UTF_8));
        for (String bad : Arrays.asList("YWJ=", "YR==", "====", "a===", "YW=I", "Y WI")) {
            assertThatThrownBy(() -> Base64Blob.decode(bad))
                    .as(bad)
                    .isInstanceOf(WireSerializationException.class)
                    .hasMessageStartingWith("'" + bad + "' can not be converted to a Blob: ");
        }
    }

    private static <T extends SdkPojo> T roundTrip(T pojo, Supplier<? extends SdkPojo> builder) throws IOException {
        return read(write(pojo), builder);
    }

    @Test
    void attributeValuesWrittenByTheirGettersMatchTheModelDrivenWriter() throws IOException {
        assertThat(AttributeValueJson.AVAILABLE).isTrue();
        SdkBytes bytes = SdkBytes.fromByteArray(new byte[] {(byte) 0xFE, 0, 7});
        java.util.LinkedHashMap<String, AttributeValue> withNull = new java.util.LinkedHashMap<>();
        withNull.put("a", AttributeValue.fromS("x"));
        withNull.put("b", null);
        List<AttributeValue> values = List.of(
                AttributeValue.fromS("text \"quoted\" é"),
                AttributeValue.fromN("-1.5e3"),
                AttributeValue.fromB(bytes),
                AttributeValue.fromSs(List.of("a", "b")),
                AttributeValue.fromNs(List.of("1", "2")),
                AttributeValue.fromBs(List.of(bytes, bytes)),
                AttributeValue.fromM(withNull),
                AttributeValue.fromL(Arrays.asList(AttributeValue.fromBool(false), null)),
                AttributeValue.fromNul(true),
                AttributeValue.fromBool(true),
                AttributeValue.fromM(Map.of()),
                AttributeValue.fromL(List.of()),
                AttributeValue.fromSs(List.of()),
                // not a valid value, but whatever the engine builds must be written as the generic writer would
                AttributeValue.builder().s("s").n("1").bool(false).l(List.of()).build(),
                AttributeValue.builder().build());
        for (AttributeValue value : values) {
            // the outer object through the model-driven walk, against the getters
            assertThat(writeFast(value)).as(value.toString()).isEqualTo(write(value));
        }
        AttributeValue nested = AttributeValue.fromM(Map.of(
                "l",
                AttributeValue.fromL(List.of(
                        AttributeValue.fromM(Map.of("n", AttributeValue.fromN("1"))), AttributeValue.fromB(bytes)))));
        assertThat(writeFast(nested))
                .isEqualTo("{\"M\":{\"l\":{\"L\":[{\"M\":{\"n\":{\"N\":\"1\"}}},{\"B\":\"/gAH\"}]}}}");
        ScanResponse page = ScanResponse.builder()
                .items(List.of(Map.of("doc", nested, "k", AttributeValue.fromS("v"))))
                .count(1)
                .scannedCount(1)
                .build();
        ScanResponse readBack = read(write(page), ScanResponse::builder);
        assertThat(readBack).isEqualTo(page);
    }

    private static String writeFast(AttributeValue value) throws IOException {
        ByteArrayBuilder bytes = new ByteArrayBuilder();
        try (JsonGenerator generator = JsonSyntax.FACTORY.createGenerator(bytes)) {
            AttributeValueJson.write(generator, value);
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private static String write(SdkPojo pojo) throws IOException {
        ByteArrayBuilder bytes = new ByteArrayBuilder();
        try (JsonGenerator generator = JsonSyntax.FACTORY.createGenerator(bytes)) {
            SdkJsonWriter.writeStructure(generator, pojo);
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private static <T> T read(String json, Supplier<? extends SdkPojo> builder) throws IOException {
        try (JsonParser parser = JsonSyntax.FACTORY.createParser(json)) {
            return SdkJsonReader.readStructure(parser, builder);
        }
    }
}
