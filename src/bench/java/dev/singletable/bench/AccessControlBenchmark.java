package dev.singletable.bench;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.access.AccessControl;
import dev.singletable.engine.access.PrincipalsFile;
import dev.singletable.engine.core.EngineOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What access control costs a GetItem in process (issue 24's target: under a LeadingKeys policy within 20 % of one
 * without): the engine's own client (access control off), a principal allowed everything, and a principal confined
 * to its partition by {@code ForAllValues:StringEquals dynamodb:LeadingKeys ${aws:userid}}; the same item, one run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class AccessControlBenchmark {

    private static final String ACCOUNT = "111122223333";

    private EmbeddedEngine engine;
    private DynamoDbClient open;
    private DynamoDbClient allowAll;
    private DynamoDbClient leadingKeys;
    private GetItemRequest request;

    @Setup(Level.Trial)
    public void start() {
        // throttling off: one hot key read in a loop would exceed a partition's ceiling
        engine = EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false));
        open = engine.clientsOf(ACCOUNT, "us-east-1").dynamo();
        open.createTable(b -> b.tableName("Notes")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("sk")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("sk")
                                .keyType(KeyType.RANGE)
                                .build()));
        Map<String, AttributeValue> key =
                Map.of("pk", AttributeValue.fromS("USER#alice"), "sk", AttributeValue.fromS("NOTE#1"));
        open.putItem(b -> b.tableName("Notes")
                .item(Map.of(
                        "pk",
                        key.get("pk"),
                        "sk",
                        key.get("sk"),
                        "text",
                        AttributeValue.fromS("a note of some thirty characters"))));
        request = GetItemRequest.builder().tableName("Notes").key(key).build();
        AccessControl access = AccessControl.over(engine, PrincipalsFile.parse("""
                [{"accessKeyId":"AKIAALL","secretAccessKey":"s","principalArn":"arn:aws:iam::%1$s:user/admin",
                  "policies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:*",
                    "Resource":"*"}]}]},
                 {"accessKeyId":"AKIALEAD","secretAccessKey":"s","principalArn":"arn:aws:iam::%1$s:user/alice",
                  "userId":"USER#alice",
                  "policies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                    "Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:Query"],
                    "Resource":"arn:aws:dynamodb:*:*:table/Notes",
                    "Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${aws:userid}"]}}}]}]}]""".formatted(ACCOUNT)));
        allowAll = access.clients("AKIAALL", "us-east-1").dynamo();
        leadingKeys = access.clients("AKIALEAD", "us-east-1").dynamo();
        if (!leadingKeys.getItem(request).hasItem()) {
            throw new IllegalStateException("the LeadingKeys principal must read its own item");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    public GetItemResponse withoutAccessControl() {
        return open.getItem(request);
    }

    @Benchmark
    public GetItemResponse allowAllPolicy() {
        return allowAll.getItem(request);
    }

    @Benchmark
    public GetItemResponse leadingKeysPolicy() {
        return leadingKeys.getItem(request);
    }
}
