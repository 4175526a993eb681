package dev.singletable.engine.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The engine with access control on, in process: each DynamoDB condition key on every operation that touches items
 * (single, batch, transaction, Query, Scan, PartiQL), resource-based policies within and across accounts, and
 * AccessDeniedException in IAM's words
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {

    static final String ACCOUNT = "111122223333";
    static final String OTHER = "444455556666";
    static final String REGION = "us-east-1";
    static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/GameScores";

    EmbeddedEngine engine;
    AccessControl access;
    DynamoDbClient owner;

    @BeforeAll
    void start() {
        engine = EmbeddedEngine.inMemory();
        owner = engine.clientsOf(ACCOUNT, REGION).dynamo();
        createGameScores(owner);
        access = AccessControl.over(engine, PrincipalsFile.parse(principals()));
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    static void createGameScores(DynamoDbClient client) {
        client.createTable(b -> b.tableName("GameScores")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("UserId"), attr("GameTitle"), attr("TopScore"))
                .keySchema(key("UserId", KeyType.HASH), key("GameTitle", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("ByTitle")
                        .keySchema(key("GameTitle", KeyType.HASH), key("TopScore", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.KEYS_ONLY)
                                .build())
                        .build())
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_IMAGE)
                        .build()));
        for (String user : List.of("alice", "bob")) {
            client.putItem(b -> b.tableName("GameScores")
                    .item(Map.of(
                            "UserId",
                            s(user),
                            "GameTitle",
                            s("Meteor"),
                            "TopScore",
                            AttributeValue.fromS("100"),
                            "Email",
                            s(user + "@example.com"))));
        }
    }

    /** alice: her own partition; analyst: listed attributes only; counter: COUNT only; tx: writes only in transactions. */
    static String principals() {
        String leading = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                  "Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:UpdateItem","dynamodb:DeleteItem",
                            "dynamodb:Query","dynamodb:BatchGetItem","dynamodb:BatchWriteItem",
                            "dynamodb:ConditionCheckItem","dynamodb:PartiQLSelect","dynamodb:PartiQLUpdate"],
                  "Resource":["arn:aws:dynamodb:*:*:table/GameScores"],
                  "Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${aws:userid}"]}}},
                 {"Effect":"Deny","Action":["dynamodb:PutItem","dynamodb:UpdateItem"],"Resource":"*",
                  "Condition":{"StringEquals":{"dynamodb:ReturnValues":["ALL_OLD"]}}},
                 {"Effect":"Deny","Action":"dynamodb:*","Resource":"*",
                  "Condition":{"StringEquals":{"dynamodb:ReturnConsumedCapacity":["INDEXES"]}}}]}""";
        String attributes = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                  "Action":["dynamodb:GetItem","dynamodb:BatchGetItem","dynamodb:Query","dynamodb:Scan",
                            "dynamodb:UpdateItem","dynamodb:PutItem"],
                  "Resource":["arn:aws:dynamodb:*:*:table/GameScores","arn:aws:dynamodb:*:*:table/GameScores/index/*"],
                  "Condition":{"ForAllValues:StringEquals":{"dynamodb:Attributes":["UserId","GameTitle","TopScore"]},
                               "StringEqualsIfExists":{"dynamodb:Select":"SPECIFIC_ATTRIBUTES"}}}]}""";
        String counter = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:Query","dynamodb:Scan"],
                  "Resource":"arn:aws:dynamodb:*:*:table/GameScores*",
                  "Condition":{"StringEquals":{"dynamodb:Select":"COUNT"}}}]}""";
        String transactions = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                  "Action":["dynamodb:PutItem","dynamodb:GetItem","dynamodb:ConditionCheckItem"],
                  "Resource":"arn:aws:dynamodb:*:*:table/GameScores",
                  "Condition":{"StringEquals":{"dynamodb:EnclosingOperation":["TransactWriteItems","TransactGetItems"]}}}]}""";
        String partiql = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:PartiQLSelect"],
                  "Resource":"arn:aws:dynamodb:*:*:table/GameScores"}]}""";
        String crossAccount = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:BatchGetItem",
                  "dynamodb:BatchWriteItem","dynamodb:PutItem","dynamodb:CreateTable","dynamodb:DescribeStream","dynamodb:GetShardIterator","dynamodb:GetRecords","dynamodb:PutResourcePolicy"],
                  "Resource":"*"}]}""";
        return """
                [{"accessKeyId":"AKIAALICE","secretAccessKey":"a","principalArn":"arn:aws:iam::%1$s:user/alice",
                  "userId":"alice","policies":[%2$s]},
                 {"accessKeyId":"AKIAANALYST","secretAccessKey":"b","principalArn":"arn:aws:iam::%1$s:role/analyst",
                  "policies":[%3$s]},
                 {"accessKeyId":"AKIACOUNTER","secretAccessKey":"c","principalArn":"arn:aws:iam::%1$s:user/counter",
                  "policies":[%4$s]},
                 {"accessKeyId":"AKIATX","secretAccessKey":"d","principalArn":"arn:aws:iam::%1$s:user/tx",
                  "policies":[%5$s]},
                 {"accessKeyId":"AKIAPARTIQL","secretAccessKey":"e","principalArn":"arn:aws:iam::%1$s:user/ql",
                  "policies":[%6$s]},
                 {"accessKeyId":"AKIAPARTNER","secretAccessKey":"f","principalArn":"arn:aws:iam::%7$s:user/partner",
                  "policies":[%8$s]}]""".formatted(ACCOUNT, leading, attributes, counter, transactions, partiql, OTHER, crossAccount);
    }

    DynamoDbClient as(String accessKeyId) {
        return access.clients(accessKeyId, REGION).dynamo();
    }

    static void denied(ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
        });
    }

    static void allowed(ThrowingCallable call) {
        assertThatCode(call).doesNotThrowAnyException();
    }

    @Nested
    class LeadingKeys {

        DynamoDbClient alice = as("AKIAALICE");

        @Test
        void getItemOwnPartitionOnly() {
            assertThat(alice.getItem(b -> b.tableName("GameScores").key(key("alice")))
                            .item())
                    .containsKey("Email");
            denied(
                    () -> alice.getItem(b -> b.tableName("GameScores").key(key("bob"))),
                    "User: arn:aws:iam::" + ACCOUNT + ":user/alice is not authorized to perform: dynamodb:GetItem on "
                            + "resource: " + TABLE_ARN + " because no identity-based policy allows the "
                            + "dynamodb:GetItem action");
        }

        @Test
        void singleWrites() {
            allowed(() -> alice.putItem(b -> b.tableName("GameScores").item(item("alice", "Tetris"))));
            denied(() -> alice.putItem(b -> b.tableName("GameScores").item(item("bob", "Tetris"))), "dynamodb:PutItem");
            allowed(() -> alice.updateItem(b -> b.tableName("GameScores")
                    .key(key("alice", "Tetris"))
                    .updateExpression("SET TopScore = :s")
                    .expressionAttributeValues(Map.of(":s", s("7")))));
            denied(
                    () -> alice.updateItem(b -> b.tableName("GameScores")
                            .key(key("bob", "Tetris"))
                            .updateExpression("SET TopScore = :s")
                            .expressionAttributeValues(Map.of(":s", s("7")))),
                    "dynamodb:UpdateItem");
            denied(
                    () -> alice.deleteItem(b -> b.tableName("GameScores").key(key("bob", "Meteor"))),
                    "dynamodb:DeleteItem");
            allowed(() -> alice.deleteItem(b -> b.tableName("GameScores").key(key("alice", "Tetris"))));
            // nothing of bob's was touched
            assertThat(owner.getItem(b -> b.tableName("GameScores").key(key("bob", "Tetris")))
                            .hasItem())
                    .isFalse();
        }

        @Test
        void query() {
            assertThat(alice.query(b -> b.tableName("GameScores")
                                    .keyConditionExpression("UserId = :u")
                                    .expressionAttributeValues(Map.of(":u", s("alice"))))
                            .items())
                    .isNotEmpty()
                    .allSatisfy(i -> assertThat(i.get("UserId")).isEqualTo(s("alice")));
            denied(
                    () -> alice.query(b -> b.tableName("GameScores")
                            .keyConditionExpression("#u = :u")
                            .expressionAttributeNames(Map.of("#u", "UserId"))
                            .expressionAttributeValues(Map.of(":u", s("bob")))),
                    "dynamodb:Query");
        }

        @Test
        void batches() {
            allowed(() -> alice.batchGetItem(b -> b.requestItems(Map.of(
                    "GameScores", KeysAndAttributes.builder().keys(key("alice")).build()))));
            denied(
                    () -> alice.batchGetItem(b -> b.requestItems(Map.of(
                            "GameScores",
                            KeysAndAttributes.builder()
                                    .keys(key("alice"), key("bob"))
                                    .build()))),
                    "dynamodb:BatchGetItem");
            denied(
                    () -> alice.batchWriteItem(b -> b.requestItems(Map.of(
                            "GameScores",
                            List.of(
                                    WriteRequest.builder()
                                            .putRequest(p -> p.item(item("alice", "Pong")))
                                            .build(),
                                    WriteRequest.builder()
                                            .deleteRequest(d -> d.key(key("bob", "Meteor")))
                                            .build())))),
                    "dynamodb:BatchWriteItem");
            assertThat(owner.getItem(b -> b.tableName("GameScores").key(key("alice", "Pong")))
                            .hasItem())
                    .as("a denied batch writes nothing")
                    .isFalse();
        }

        @Test
        void transactions() {
            denied(
                    () -> alice.transactWriteItems(b -> b.transactItems(
                            TransactWriteItem.builder()
                                    .put(p -> p.tableName("GameScores").item(item("alice", "Go")))
                                    .build(),
                            TransactWriteItem.builder()
                                    .conditionCheck(c -> c.tableName("GameScores")
                                            .key(key("bob"))
                                            .conditionExpression("attribute_exists(UserId)"))
                                    .build())),
                    "dynamodb:ConditionCheckItem");
            allowed(() -> alice.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                    .put(p -> p.tableName("GameScores").item(item("alice", "Go")))
                    .build())));
            denied(
                    () -> alice.transactGetItems(b -> b.transactItems(TransactGetItem.builder()
                            .get(g -> g.tableName("GameScores").key(key("bob")))
                            .build())),
                    "dynamodb:GetItem");
        }

        @Test
        void scanIsNotGranted() {
            denied(() -> alice.scan(b -> b.tableName("GameScores")), "dynamodb:Scan");
        }

        @Test
        void partiqlNeedsItsOwnActions() {
            // PartiQL actions are authorized by table; the LeadingKeys condition has no value for them (absent key:
            // ForAllValues holds), and an action the policy does not list is denied
            allowed(() -> alice.executeStatement(b -> b.statement("SELECT * FROM GameScores WHERE UserId = 'alice'")));
            denied(
                    () -> alice.executeStatement(
                            b -> b.statement("INSERT INTO GameScores VALUE {'UserId': 'alice', 'GameTitle': 'Chess'}")),
                    "dynamodb:PartiQLInsert");
        }

        @Test
        void returnValuesAndConsumedCapacity() {
            denied(
                    () -> alice.putItem(b -> b.tableName("GameScores")
                            .item(item("alice", "Tetris"))
                            .returnValues(ReturnValue.ALL_OLD)),
                    "with an explicit deny in an identity-based policy");
            allowed(() -> alice.putItem(b -> b.tableName("GameScores")
                    .item(item("alice", "Tetris"))
                    .returnValues(ReturnValue.NONE)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
            denied(
                    () -> alice.getItem(b -> b.tableName("GameScores")
                            .key(key("alice"))
                            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)),
                    "explicit deny");
        }
    }

    @Nested
    class Attributes {

        DynamoDbClient analyst = as("AKIAANALYST");

        @Test
        void readsMustProjectListedAttributes() {
            assertThat(analyst.getItem(b ->
                                    b.tableName("GameScores").key(key("alice")).projectionExpression("TopScore"))
                            .item())
                    .containsOnlyKeys("TopScore");
            denied(() -> analyst.getItem(b -> b.tableName("GameScores").key(key("alice"))), "dynamodb:GetItem");
            denied(
                    () -> analyst.getItem(b -> b.tableName("GameScores")
                            .key(key("alice"))
                            .projectionExpression("TopScore, #e")
                            .expressionAttributeNames(Map.of("#e", "Email"))),
                    "dynamodb:GetItem");
            allowed(() -> analyst.query(b -> b.tableName("GameScores")
                    .keyConditionExpression("UserId = :u")
                    .expressionAttributeValues(Map.of(":u", s("bob")))
                    .projectionExpression("TopScore")));
            denied(() -> analyst.scan(b -> b.tableName("GameScores").projectionExpression("Email")), "dynamodb:Scan");
            allowed(() -> analyst.scan(b -> b.tableName("GameScores")
                    .indexName("ByTitle")
                    .select(Select.SPECIFIC_ATTRIBUTES)
                    .projectionExpression("GameTitle")));
            denied(
                    () -> analyst.batchGetItem(b -> b.requestItems(Map.of(
                            "GameScores",
                            KeysAndAttributes.builder()
                                    .keys(key("alice"))
                                    .projectionExpression("Email")
                                    .build()))),
                    "dynamodb:BatchGetItem");
        }

        @Test
        void writesMayTouchListedAttributesOnly() {
            allowed(() -> analyst.updateItem(b -> b.tableName("GameScores")
                    .key(key("alice"))
                    .updateExpression("SET TopScore = :s")
                    .expressionAttributeValues(Map.of(":s", s("9")))));
            denied(
                    () -> analyst.updateItem(b -> b.tableName("GameScores")
                            .key(key("alice"))
                            .updateExpression("SET Email = :e")
                            .expressionAttributeValues(Map.of(":e", s("x")))),
                    "dynamodb:UpdateItem");
            denied(
                    () -> analyst.putItem(b -> b.tableName("GameScores")
                            .item(Map.of("UserId", s("carol"), "GameTitle", s("Meteor"), "Email", s("c@example.com")))),
                    "dynamodb:PutItem");
        }
    }

    @Nested
    class SelectAndEnclosingOperation {

        @Test
        void countOnly() {
            DynamoDbClient counter = as("AKIACOUNTER");
            assertThat(counter.scan(b -> b.tableName("GameScores").select(Select.COUNT))
                            .count())
                    .isPositive();
            allowed(() -> counter.query(b -> b.tableName("GameScores")
                    .indexName("ByTitle")
                    .select(Select.COUNT)
                    .keyConditionExpression("GameTitle = :t")
                    .expressionAttributeValues(Map.of(":t", s("Meteor")))));
            denied(() -> counter.scan(b -> b.tableName("GameScores")), "dynamodb:Scan");
        }

        @Test
        void writesOnlyInsideTransactions() {
            DynamoDbClient tx = as("AKIATX");
            denied(() -> tx.putItem(b -> b.tableName("GameScores").item(item("dave", "Go"))), "dynamodb:PutItem");
            allowed(() -> tx.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                    .put(p -> p.tableName("GameScores").item(item("dave", "Go")))
                    .build())));
            allowed(() -> tx.transactGetItems(b -> b.transactItems(TransactGetItem.builder()
                    .get(g -> g.tableName("GameScores").key(key("dave", "Go")))
                    .build())));
            denied(() -> tx.getItem(b -> b.tableName("GameScores").key(key("dave", "Go"))), "dynamodb:GetItem");
        }

        @Test
        void partiqlActions() {
            DynamoDbClient ql = as("AKIAPARTIQL");
            allowed(() -> ql.executeStatement(b -> b.statement("SELECT TopScore FROM \"GameScores\"")));
            denied(
                    () -> ql.executeStatement(b ->
                            b.statement("DELETE FROM GameScores WHERE UserId = 'alice' " + "AND GameTitle = 'Meteor'")),
                    "dynamodb:PartiQLDelete");
            denied(
                    () -> ql.executeStatement(b -> b.statement(
                            "UPDATE GameScores SET TopScore = 1 WHERE UserId = 'alice' AND GameTitle = 'Meteor'")),
                    "dynamodb:PartiQLUpdate");
            denied(
                    () -> ql.batchExecuteStatement(b -> b.statements(
                            s -> s.statement(
                                    "SELECT * FROM GameScores WHERE UserId = 'alice' AND GameTitle = 'Meteor'"),
                            s -> s.statement("INSERT INTO GameScores VALUE {'UserId': 'x', 'GameTitle': 'y'}"))),
                    "dynamodb:PartiQLInsert");
            denied(
                    () -> ql.executeTransaction(b -> b.transactStatements(s ->
                            s.statement("DELETE FROM GameScores WHERE UserId = 'alice' AND GameTitle = 'Meteor'"))),
                    "dynamodb:PartiQLDelete");
            denied(() -> ql.getItem(b -> b.tableName("GameScores").key(key("alice"))), "dynamodb:GetItem");
        }
    }

    @Nested
    class ResourcePolicies {

        @Test
        void anotherAccountReadsOnlyWhatTheResourcePolicyGrants() {
            DynamoDbClient partner = as("AKIAPARTNER");
            Consumer<software.amazon.awssdk.services.dynamodb.model.GetItemRequest.Builder> read =
                    b -> b.tableName(TABLE_ARN).key(key("alice"));
            denied(
                    () -> partner.getItem(read),
                    "User: arn:aws:iam::" + OTHER + ":user/partner is not authorized to "
                            + "perform: dynamodb:GetItem on resource: " + TABLE_ARN
                            + " because no resource-based policy allows the dynamodb:GetItem action");
            owner.putResourcePolicy(b -> b.resourceArn(TABLE_ARN).policy("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                      "Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":["dynamodb:GetItem","dynamodb:BatchGetItem"],
                      "Resource":"%s"}]}""".formatted(OTHER, TABLE_ARN)));
            try {
                assertThat(partner.getItem(read).item().get("Email")).isEqualTo(s("alice@example.com"));
                // a plain name is the caller's own account's table, which the partner does not have
                assertThatThrownBy(() ->
                                partner.getItem(b -> b.tableName("GameScores").key(key("alice"))))
                        .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
                // only the owner manages the policy (AWS's ValidationException, not a routed request)
                assertThatThrownBy(() -> partner.putResourcePolicy(
                                b -> b.resourceArn(TABLE_ARN).policy("{}")))
                        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                                        e.awsErrorDetails().errorMessage())
                                .contains("only supported by accounts that match"));
            } finally {
                owner.deleteResourcePolicy(b -> b.resourceArn(TABLE_ARN));
            }
            denied(() -> partner.getItem(read), "because no resource-based policy allows");
        }

        @Test
        void aBatchOverTheCallersAndAnotherAccountsTablesRunsWhenEveryPartIsAllowed() {
            // BatchGetItem and BatchWriteItem support cross-account access, and a batch is no transaction: each
            // table's part is authorized (identity policy AND, across accounts, the table's resource policy) and
            // runs in its own account
            // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-iam-actions.html)
            DynamoDbClient partner = as("AKIAPARTNER");
            DynamoDbClient partnersTables = engine.clientsOf(OTHER, REGION).dynamo();
            if (!partnersTables.listTables().tableNames().contains("GameScores")) {
                createGameScores(partnersTables); // the partner's own GameScores: alice and bob, other e-mails
                partnersTables.updateItem(b -> b.tableName("GameScores")
                        .key(key("bob"))
                        .updateExpression("SET Email = :e")
                        .expressionAttributeValues(Map.of(":e", s("bob@partner.example"))));
            }
            owner.putResourcePolicy(b -> b.resourceArn(TABLE_ARN).policy("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                      "Principal":{"AWS":"arn:aws:iam::%s:user/partner"},
                      "Action":["dynamodb:BatchGetItem","dynamodb:BatchWriteItem","dynamodb:PutItem"],"Resource":"%s",
                      "Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["alice","carol"]}}}]}""".formatted(OTHER, TABLE_ARN)));
            try {
                var read = partner.batchGetItem(b -> b.requestItems(Map.of(
                        TABLE_ARN,
                        KeysAndAttributes.builder().keys(key("alice")).build(),
                        "GameScores",
                        KeysAndAttributes.builder().keys(key("bob")).build())));
                assertThat(read.responses()).containsOnlyKeys(TABLE_ARN, "GameScores");
                assertThat(read.responses().get(TABLE_ARN)).singleElement().satisfies(i -> assertThat(i)
                        .containsEntry("Email", s("alice@example.com")));
                assertThat(read.responses().get("GameScores")).singleElement().satisfies(i -> assertThat(i)
                        .containsEntry("Email", s("bob@partner.example")));

                Map<String, AttributeValue> carol = Map.of("UserId", s("carol"), "GameTitle", s("Meteor"));
                Map<String, AttributeValue> dave = Map.of("UserId", s("dave"), "GameTitle", s("Meteor"));
                allowed(() -> partner.batchWriteItem(b -> b.requestItems(Map.of(
                        TABLE_ARN,
                        List.of(WriteRequest.builder()
                                .putRequest(p -> p.item(carol))
                                .build()),
                        "GameScores",
                        List.of(WriteRequest.builder()
                                .putRequest(p -> p.item(dave))
                                .build())))));
                assertThat(owner.getItem(b -> b.tableName("GameScores").key(carol))
                                .hasItem())
                        .isTrue();
                assertThat(partnersTables
                                .getItem(b -> b.tableName("GameScores").key(dave))
                                .hasItem())
                        .isTrue();
                owner.deleteItem(b -> b.tableName("GameScores").key(carol));

                // one part not allowed by the resource policy (bob's partition): the whole batch is refused, nothing
                // of it written
                Map<String, AttributeValue> erin = Map.of("UserId", s("erin"), "GameTitle", s("Meteor"));
                denied(
                        () -> partner.batchWriteItem(b -> b.requestItems(Map.of(
                                "GameScores",
                                List.of(WriteRequest.builder()
                                        .putRequest(p -> p.item(erin))
                                        .build()),
                                TABLE_ARN,
                                List.of(WriteRequest.builder()
                                        .putRequest(p -> p.item(key("bob")))
                                        .build())))),
                        "perform: dynamodb:BatchWriteItem on resource: " + TABLE_ARN
                                + " because no resource-based policy allows the dynamodb:BatchWriteItem action");
                assertThat(partnersTables
                                .getItem(b -> b.tableName("GameScores").key(erin))
                                .hasItem())
                        .isFalse();

                // a transaction over both accounts stays refused, though every part is allowed: its atomicity would
                // span two namespaces (docs/fidelity.md)
                denied(
                        () -> partner.transactWriteItems(b -> b.transactItems(
                                TransactWriteItem.builder()
                                        .put(p -> p.tableName(TABLE_ARN).item(carol))
                                        .build(),
                                TransactWriteItem.builder()
                                        .put(p -> p.tableName("GameScores").item(erin))
                                        .build())),
                        "Access is denied");
                assertThat(owner.getItem(b -> b.tableName("GameScores").key(carol))
                                .hasItem())
                        .isFalse();
                assertThat(partnersTables
                                .getItem(b -> b.tableName("GameScores").key(erin))
                                .hasItem())
                        .isFalse();
            } finally {
                owner.deleteResourcePolicy(b -> b.resourceArn(TABLE_ARN));
            }
        }

        @Test
        void streamPolicyGrantsAnotherAccountStreamReads() {
            String streamArn =
                    owner.describeTable(b -> b.tableName("GameScores")).table().latestStreamArn();
            DynamoDbStreamsClient partnerStreams =
                    access.clients("AKIAPARTNER", REGION).streams();
            denied(() -> partnerStreams.describeStream(b -> b.streamArn(streamArn)), "dynamodb:DescribeStream");
            owner.putResourcePolicy(b -> b.resourceArn(streamArn).policy("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},
                      "Action":["dynamodb:DescribeStream","dynamodb:GetShardIterator","dynamodb:GetRecords"],
                      "Resource":"%s"}]}""".formatted(OTHER, streamArn)));
            try {
                String shard = partnerStreams
                        .describeStream(b -> b.streamArn(streamArn))
                        .streamDescription()
                        .shards()
                        .get(0)
                        .shardId();
                String iterator = partnerStreams
                        .getShardIterator(
                                b -> b.streamArn(streamArn).shardId(shard).shardIteratorType("TRIM_HORIZON"))
                        .shardIterator();
                assertThat(partnerStreams
                                .getRecords(b -> b.shardIterator(iterator))
                                .records())
                        .isNotEmpty();
                // the stream's policy is not the table's
                denied(
                        () -> as("AKIAPARTNER")
                                .getItem(b -> b.tableName(TABLE_ARN).key(key("alice"))),
                        "no resource-based policy");
            } finally {
                owner.deleteResourcePolicy(b -> b.resourceArn(streamArn));
            }
        }

        @Test
        void sameAccountResourcePolicyNamingTheUserAllowsAlone() {
            DynamoDbClient counter = as("AKIACOUNTER");
            denied(() -> counter.describeTable(b -> b.tableName("GameScores")), "dynamodb:DescribeTable");
            owner.putResourcePolicy(b -> b.resourceArn(TABLE_ARN).policy("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                      "Principal":{"AWS":"arn:aws:iam::%s:user/counter"},"Action":"dynamodb:DescribeTable",
                      "Resource":"%s"}]}""".formatted(ACCOUNT, TABLE_ARN)));
            try {
                assertThat(counter.describeTable(b -> b.tableName("GameScores"))
                                .table()
                                .tableName())
                        .isEqualTo("GameScores");
            } finally {
                owner.deleteResourcePolicy(b -> b.resourceArn(TABLE_ARN));
            }
        }
    }

    /**
     * What a principal's single-item decisions remember (engine.iam.ItemDecisions) is dropped with the table
     * definition it was worked out for: a resource-based policy put or deleted, or the table deleted and created
     * again, is enforced on the very next request.
     */
    @Nested
    class RememberedDecisions {

        static final String ADMIN = "arn:aws:iam::" + ACCOUNT + ":user/admin";

        final AccessControl remembering =
                AccessControl.over(engine, PrincipalsFile.parse("""
                [{"accessKeyId":"AKIAADMIN","secretAccessKey":"a","principalArn":"%s",
                  "policies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:*",
                    "Resource":"*"}]}]},
                 {"accessKeyId":"AKIACAROL","secretAccessKey":"c","principalArn":"arn:aws:iam::%s:user/carol",
                  "policies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                    "Action":["dynamodb:GetItem","dynamodb:PutItem"],"Resource":"arn:aws:dynamodb:*:*:table/Scratch",
                    "Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${aws:userid}"]}}}]}]}]""".formatted(ADMIN, ACCOUNT)));
        final DynamoDbClient admin = remembering.clients("AKIAADMIN", REGION).dynamo();
        final DynamoDbClient carol = remembering.clients("AKIACAROL", REGION).dynamo();

        String denyAdmin(String tableArn) {
            return """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"%s"},
                      "Action":["dynamodb:GetItem","dynamodb:PutItem"],"Resource":"%s"}]}""".formatted(ADMIN, tableArn);
        }

        @Test
        void aResourcePolicyPutOrDeletedCountsFromTheNextRequest() {
            allowed(() -> admin.getItem(b -> b.tableName("GameScores").key(key("alice"))));
            allowed(() -> admin.putItem(b -> b.tableName("GameScores").item(item("admin", "Chess"))));
            owner.putResourcePolicy(b -> b.resourceArn(TABLE_ARN).policy(denyAdmin(TABLE_ARN)));
            try {
                denied(
                        () -> admin.getItem(b -> b.tableName("GameScores").key(key("alice"))),
                        "User: " + ADMIN + " is not authorized to perform: dynamodb:GetItem on resource: " + TABLE_ARN
                                + " with an explicit deny in a resource-based policy");
                denied(
                        () -> admin.putItem(b -> b.tableName("GameScores").item(item("admin", "Chess"))),
                        "dynamodb:PutItem on resource: " + TABLE_ARN + " with an explicit deny");
            } finally {
                owner.deleteResourcePolicy(b -> b.resourceArn(TABLE_ARN));
            }
            allowed(() -> admin.getItem(b -> b.tableName("GameScores").key(key("alice"))));
        }

        @Test
        void aTableCreatedAgainIsDecidedAfresh() {
            String scratchArn = "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/Scratch";
            createScratch("Owner", null);
            try {
                allowed(() -> admin.getItem(b -> b.tableName("Scratch").key(Map.of("Owner", s("carol")))));
                allowed(() -> carol.putItem(b -> b.tableName("Scratch").item(Map.of("Owner", s("carol")))));
                owner.deleteTable(b -> b.tableName("Scratch"));
                // the same name, created with a policy that denies the admin, and with another partition key
                createScratch("Id", denyAdmin(scratchArn));
                denied(
                        () -> admin.getItem(b -> b.tableName("Scratch").key(Map.of("Id", s("carol")))),
                        "explicit deny in a resource-based policy");
                allowed(() -> carol.putItem(b -> b.tableName("Scratch").item(Map.of("Id", s("carol")))));
                denied(
                        () -> carol.putItem(b -> b.tableName("Scratch").item(Map.of("Id", s("dave")))),
                        "because no identity-based policy allows the dynamodb:PutItem action");
            } finally {
                owner.deleteTable(b -> b.tableName("Scratch"));
            }
        }

        void createScratch(String partitionKey, @Nullable String resourcePolicy) {
            owner.createTable(b -> b.tableName("Scratch")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attr(partitionKey))
                    .keySchema(key(partitionKey, KeyType.HASH))
                    .resourcePolicy(resourcePolicy));
        }
    }

    @Test
    void unknownKeysAreRefused() {
        assertThatThrownBy(() -> access.clients("AKIANOBODY", REGION))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
    }

    static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static Map<String, AttributeValue> key(String user) {
        return key(user, "Meteor");
    }

    static Map<String, AttributeValue> key(String user, String title) {
        return Map.of("UserId", s(user), "GameTitle", s(title));
    }

    static Map<String, AttributeValue> item(String user, String title) {
        return Map.of("UserId", s(user), "GameTitle", s(title), "TopScore", s("1"));
    }
}
