package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.SingletableApplication;
import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.access.AccessControl;
import dev.singletable.engine.access.Principals;
import dev.singletable.engine.access.PrincipalsFile;
import dev.singletable.engine.wire.BrowserAccess;
import dev.singletable.engine.wire.WireBackends;
import dev.singletable.engine.wire.WireServer;
import dev.singletable.engine.wire.WireServerOptions;
import dev.singletable.support.Api;
import dev.singletable.support.Eventually;
import dev.singletable.support.TestUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The service under its least-privilege policy (issue 24): endpoint mode against the engine's port with access
 * control on, the service signing as a principal whose only policy is the one {@code infra/terraform/iam.tf} attaches
 * ({@code src/test/resources/access/service-policy.json}, its rendering for this engine's account and region;
 * {@code TerraformModuleTest.servicePolicyIsTheOneTheServiceRunsUnder} keeps the two the same). The tables exist
 * beforehand, as Terraform creates them. The REST contract works; what the policy leaves out (DeleteTable, CreateTable,
 * a Scan of another table, ListTables) is AccessDeniedException for the same key.
 */
@SpringBootTest(
        classes = SingletableApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "singletable.cursor.secret=iam-policy-test-cursor-secret-0123456789",
            "singletable.metrics.scrape.password=iam-policy-test-scrape",
            "resilience4j.ratelimiter.instances.writes.limit-for-period=1000000",
            "singletable.sessions.login.per-client=1000000"
        })
@AutoConfigureRestTestClient
class ServiceUnderItsIamPolicyTest {

    static final String ACCOUNT = "111122223333";
    static final String SERVICE_KEY = "AKIASERVICE000000001";
    static final String SERVICE_SECRET = "service-secret";

    private static EmbeddedEngine engine;
    private static WireServer server;

    @Autowired
    RestTestClient http;

    /** The engine with the service's principal, and the two tables Terraform would have created. */
    @DynamicPropertySource
    static void engineEnforcingTheServicePolicy(DynamicPropertyRegistry registry) {
        engine = EmbeddedEngine.inMemory();
        DynamoDbClient terraform = engine.clientsOf(ACCOUNT, "us-east-1").dynamo();
        TableLayout layout = TableLayoutLoader.load();
        terraform.createTable(TableRequestFactory.createTable("singletable", layout));
        if (layout.timeToLiveAttribute() != null) {
            terraform.updateTimeToLive(b -> b.tableName("singletable")
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(layout.timeToLiveAttribute())));
        }
        terraform.createTable(b -> b.tableName("singletable-history")
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("PK").attributeType("S"), a -> a.attributeName("SK")
                        .attributeType("S"))
                .keySchema(k -> k.attributeName("PK").keyType("HASH"), k -> k.attributeName("SK")
                        .keyType("RANGE")));

        Principals principals =
                PrincipalsFile.parse("""
                [{"accessKeyId":"%s","secretAccessKey":"%s","principalArn":"arn:aws:iam::%s:role/singletable-service",
                  "policies":[%s]}]""".formatted(SERVICE_KEY, SERVICE_SECRET, ACCOUNT, servicePolicy()));
        AccessControl access = AccessControl.over(engine, principals);
        server = WireServer.start(
                WireServerOptions.defaults().withAccessKeys(principals.secrets()),
                BrowserAccess.defaults(),
                WireBackends.byCredentialScope((key, region) -> {
                    EmbeddedEngine.Clients clients = access.clients(key, region);
                    return new WireBackends.Backend(clients.dynamo(), clients.streams());
                }));
        registry.add("singletable.storage.mode", () -> "endpoint");
        registry.add("singletable.storage.endpoint", () -> "http://127.0.0.1:" + server.port());
        registry.add("singletable.storage.access-key", () -> SERVICE_KEY);
        registry.add("singletable.storage.secret-key", () -> SERVICE_SECRET);
    }

    static String servicePolicy() {
        try (InputStream in = ServiceUnderItsIamPolicyTest.class.getResourceAsStream("/access/service-policy.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theRestContractWorksUnderThePolicy() {
        Api api = new Api(http);
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");
        api.put("/api/users/" + ann.username() + "/following/" + bob.username(), ann)
                .expectStatus()
                .isNoContent();
        String tweet = api.tweet(bob, "least privilege, day 1");
        api.put("/api/tweets/" + tweet + "/likes", ann).expectStatus().is2xxSuccessful();
        api.get("/api/users/" + bob.username() + "/followers")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains(ann.username()));
        api.get("/api/tweets/" + tweet)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("least privilege"));
        // the timeline's fan-out runs on the change stream: DescribeStream, GetShardIterator, GetRecords allowed
        Eventually.until(
                () -> api.get("/api/timeline", ann)
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                body -> body != null && body.contains(tweet));
    }

    @Test
    void whatThePolicyLeavesOutIsDenied() {
        try (DynamoDbClient asTheService = DynamoDbClient.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(SERVICE_KEY, SERVICE_SECRET)))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .build()) {
            assertThat(asTheService
                            .describeTable(b -> b.tableName("singletable"))
                            .table()
                            .tableName())
                    .isEqualTo("singletable");
            denied(() -> asTheService.deleteTable(b -> b.tableName("singletable")), "dynamodb:DeleteTable");
            denied(
                    () -> asTheService.createTable(TableRequestFactory.createTable("other", TableLayoutLoader.load())),
                    "dynamodb:CreateTable");
            denied(
                    () -> asTheService.updateTable(
                            b -> b.tableName("singletable").deletionProtectionEnabled(false)),
                    "dynamodb:UpdateTable");
            denied(() -> asTheService.listTables(), "dynamodb:ListTables");
            denied(
                    () -> asTheService.putResourcePolicy(
                            b -> b.resourceArn("arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/singletable")
                                    .policy("{}")),
                    "dynamodb:PutResourcePolicy");
            denied(
                    () -> asTheService.getItem(b -> b.tableName("elsewhere")
                            .key(Map.of(
                                    "PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x")))),
                    "table/elsewhere");
        }
    }

    private static void denied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String part) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage())
                    .contains("arn:aws:iam::" + ACCOUNT + ":role/singletable-service")
                    .contains(part);
        });
    }
}
