package dev.singletable.engine.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.access.PrincipalsFile;
import dev.singletable.engine.policy.ResourcePolicy;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.table.TestTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The single-item decisions worked out once per table ({@link ItemDecisions}) against the full evaluation
 * ({@link RequestAccess} and {@link Evaluator}) on seeded combinations of identity statements, resource-based
 * policies and requests: the shortcut never allows what the full evaluation refuses, and for policies whose
 * conditions read only the keys it answers (the row-level pattern) it allows exactly what the full evaluation allows.
 */
class ItemDecisionsTest {

    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final String TABLE = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/GameScores";

    /** Identity statements; the boolean says whether the shortcut must decide them itself. */
    static final List<Map.Entry<String, Boolean>> IDENTITY = List.of(
            Map.entry("""
                    {"Effect":"Allow","Action":"dynamodb:*","Resource":"*"}""", true),
            Map.entry("""
                    {"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem"],"Resource":"%s"}""".formatted(TABLE), true),
            Map.entry("""
                    {"Effect":"Allow","Action":"dynamodb:*Item","Resource":"arn:aws:dynamodb:*:*:table/Other"}""", true),
            Map.entry("""
                    {"Effect":"Deny","NotAction":"dynamodb:GetItem","NotResource":"arn:aws:dynamodb:*:*:table/Other"}""", true),
            Map.entry("""
                    {"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:*:*:table/GameScores",
                     "Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${aws:userid}"]}}}""", true),
            Map.entry("""
                    {"Effect":"Deny","Action":["dynamodb:PutItem","dynamodb:UpdateItem"],"Resource":"*",
                     "Condition":{"StringEquals":{"dynamodb:ReturnValues":["ALL_OLD"]}}}""", true),
            Map.entry("""
                    {"Effect":"Deny","Action":"dynamodb:*","Resource":"*",
                     "Condition":{"StringEquals":{"dynamodb:ReturnConsumedCapacity":["INDEXES"]}}}""", true),
            Map.entry("""
                    {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*",
                     "Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}}""", true),
            Map.entry("""
                    {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                     "Condition":{"ForAllValues:StringEquals":{"dynamodb:Attributes":["UserId","GameTitle"]}}}""", false),
            Map.entry("""
                    {"Effect":"Deny","Action":"dynamodb:GetItem","Resource":"*",
                     "Condition":{"StringEquals":{"dynamodb:Select":"ALL_ATTRIBUTES"}}}""", false),
            Map.entry("""
                    {"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:*:*:table/${dynamodb:LeadingKeys}"}""", false));

    /** Resource-based policies of the table (null: none); the boolean as above. */
    static final List<Map.Entry<String, Boolean>> RESOURCE = List.of(
            Map.entry("", true),
            Map.entry("""
                    {"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::%s:user/alice"},"Action":"dynamodb:DeleteItem",
                     "Resource":"%s"}""".formatted(ACCOUNT, TABLE), true),
            Map.entry("""
                    {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/alice"},"Action":"dynamodb:*",
                     "Resource":"%s",
                     "Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["alice"]}}}""".formatted(ACCOUNT, TABLE), true),
            Map.entry("""
                    {"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"dynamodb:GetItem","Resource":"*"}""".formatted(ACCOUNT), true),
            Map.entry("""
                    {"Effect":"Deny","Principal":"*","Action":"dynamodb:*","Resource":"%s",
                     "Condition":{"StringEquals":{"dynamodb:ReturnConsumedCapacity":"TOTAL"}}}""".formatted(TABLE), true),
            Map.entry("""
                    {"Effect":"Deny","Principal":"*","Action":"dynamodb:GetItem","Resource":"%s",
                     "Condition":{"ForAnyValue:StringEquals":{"dynamodb:Attributes":["Email"]}}}""".formatted(TABLE), false));

    @Test
    void agreesWithTheFullEvaluation() {
        Random random = new Random(20261205);
        int shortcuts = 0;
        for (int round = 0; round < 150; round++) {
            List<String> statements = new ArrayList<>();
            boolean lean = true;
            for (Map.Entry<String, Boolean> s : IDENTITY) {
                if (random.nextInt(3) == 0) {
                    statements.add(s.getKey());
                    lean &= s.getValue();
                }
            }
            if (statements.isEmpty()) {
                statements.add(IDENTITY.get(0).getKey());
            }
            Map.Entry<String, Boolean> resource = RESOURCE.get(random.nextInt(RESOURCE.size()));
            lean &= resource.getValue();
            Principal alice = PrincipalsFile.parse(
                            """
                            [{"accessKeyId":"AKIAALICE","secretAccessKey":"s","principalArn":"arn:aws:iam::%s:user/alice",
                              "tags":{"team":"%s"},"policies":[{"Version":"2012-10-17","Statement":[%s]}]}]""".formatted(ACCOUNT, random.nextBoolean() ? "blue" : "red", String.join(",", statements)))
                    .byAccessKey("AKIAALICE");
            TableDefinition table =
                    TestTables.table("GameScores", Instant.EPOCH).build();
            if (!resource.getKey().isEmpty()) {
                table = table.withResourcePolicy(new ResourcePolicy(
                        TABLE, "{\"Version\":\"2012-10-17\",\"Statement\":[" + resource.getKey() + "]}", "1"));
            }
            TableDefinition definition = table;
            ResourcePolicies policies = new ResourcePolicies();
            RequestAccess.Tables tables = (account, name) -> name.equals("GameScores") ? definition : null;
            Map<String, List<String>> keys = alice.contextKeys(REGION);
            RequestAccess mapping = new RequestAccess(ACCOUNT, REGION, tables, keys);
            ItemDecisions decisions = new ItemDecisions(alice, keys, policies);
            for (int r = 0; r < 12; r++) {
                Map<String, AttributeValue> item = Map.of(
                        "pk", AttributeValue.fromS(random.nextBoolean() ? "alice" : "bob"),
                        "sk", AttributeValue.fromS("x"));
                @Nullable String returnValues = pick(random, null, "ALL_OLD", "NONE");
                @Nullable String consumed = pick(random, null, "TOTAL", "INDEXES", "NONE");
                ItemDecisions.Action action = ItemDecisions.Action.values()[random.nextInt(4)];
                SdkRequest request = request(action, item, returnValues, consumed);
                AccessRequest ask = mapping.single(request);
                assertThat(ask).isNotNull();
                boolean full = Evaluator.decide(alice, ask, policies.of(ask, tables)) == Evaluator.Outcome.ALLOW;
                boolean fast = decisions.allows(
                        action,
                        definition,
                        item,
                        action == ItemDecisions.Action.GET_ITEM ? null : returnValues,
                        consumed);
                String what = statements + " / " + resource.getKey() + " / " + request;
                if (fast) {
                    shortcuts++;
                    assertThat(full).as(what).isTrue();
                }
                if (lean) {
                    assertThat(fast).as(what).isEqualTo(full);
                }
            }
        }
        assertThat(shortcuts).as("requests the shortcut allowed").isGreaterThan(200);
    }

    @Test
    void manyTablesAreDecidedRightAfterTheMemoryIsCleared() {
        Principal admin = PrincipalsFile.parse("""
                        [{"accessKeyId":"AKIAADMIN","secretAccessKey":"s","principalArn":"arn:aws:iam::%s:user/admin",
                          "policies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:*",
                            "Resource":"*"}]}]}]""".formatted(ACCOUNT)).byAccessKey("AKIAADMIN");
        ItemDecisions decisions = new ItemDecisions(admin, admin.contextKeys(REGION), new ResourcePolicies());
        List<TableDefinition> tables = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            TableDefinition table = TestTables.table("T" + i, Instant.EPOCH).build();
            if (i % 3 == 0) {
                // every third table denies the admin by its resource policy
                table = table.withResourcePolicy(new ResourcePolicy(table.arn(), """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"dynamodb:*",
                          "Resource":"%s"}]}""".formatted(table.arn()), "1"));
            }
            tables.add(table);
        }
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("b"));
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < tables.size(); i++) {
                assertThat(decisions.allows(ItemDecisions.Action.GET_ITEM, tables.get(i), key, null, null))
                        .as("table T" + i + ", pass " + pass)
                        .isEqualTo(i % 3 != 0);
            }
        }
    }

    static SdkRequest request(
            ItemDecisions.Action action,
            Map<String, AttributeValue> item,
            @Nullable String returnValues,
            @Nullable String consumed) {
        return switch (action) {
            case GET_ITEM ->
                GetItemRequest.builder()
                        .tableName("GameScores")
                        .key(item)
                        .returnConsumedCapacity(consumed)
                        .build();
            case PUT_ITEM ->
                PutItemRequest.builder()
                        .tableName("GameScores")
                        .item(item)
                        .returnValues(returnValues)
                        .returnConsumedCapacity(consumed)
                        .build();
            case UPDATE_ITEM ->
                UpdateItemRequest.builder()
                        .tableName("GameScores")
                        .key(item)
                        .returnValues(returnValues)
                        .returnConsumedCapacity(consumed)
                        .build();
            case DELETE_ITEM ->
                DeleteItemRequest.builder()
                        .tableName("GameScores")
                        .key(item)
                        .returnValues(returnValues)
                        .returnConsumedCapacity(consumed)
                        .build();
        };
    }

    @SafeVarargs
    static <T> @Nullable T pick(Random random, @Nullable T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
