package dev.singletable.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.singletable.table.TableLayout;
import dev.singletable.table.TableLayoutLoader;
import dev.singletable.table.TableRequestFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans {@code infra/terraform} with the real terraform binary and AWS provider, offline, and checks what it would
 * create: above all that the AWS table has exactly the key schema, indexes, TTL and stream the service's own table
 * bootstrap creates from {@code singletable-table.json}. Skipped where terraform is not installed.
 *
 * <p>The plan runs in provisioned mode so the autoscaling resources are planned too; every other variable keeps its
 * default, so the defaults (PITR, deletion protection, encryption) are what is checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerraformModuleTest {

    static final Path MODULE = Path.of("infra/terraform");
    static final Path LAYOUT = Path.of("src/main/resources/table/singletable-table.json");
    static final String TABLE = "singletable";

    /**
     * Plans without an AWS account: static keys and no STS or metadata look-ups. Terraform merges *_override.tf
     * files into the configuration, so the module under test stays unchanged.
     */
    private static final String OFFLINE_PROVIDER = """
            provider "aws" {
              access_key                  = "test"
              secret_key                  = "test"
              skip_credentials_validation = true
              skip_requesting_account_id  = true
              skip_metadata_api_check     = true
              skip_region_validation      = true
            }
            """;

    @TempDir
    static Path workDir;

    private Terraform terraform;
    private Path module;
    private JsonNode plan;
    private final CreateTableRequest serviceTable = TableRequestFactory.createTable(TABLE, TableLayoutLoader.load());
    private final TableLayout layout = TableLayoutLoader.load();

    @BeforeAll
    void planTheModule() throws IOException {
        Path binary = Terraform.findBinary().orElse(null);
        if (binary == null) {
            return; // each test then reports itself skipped (see requireTerraform)
        }
        terraform = Terraform.create(binary, workDir);

        // A copy keeps .terraform/ and the plan out of the source tree; the layout file keeps its relative place.
        module = copyInto(workDir.resolve("repo"));
        Files.writeString(module.resolve("offline_provider_override.tf"), OFFLINE_PROVIDER);
        terraform.run(module, "init", "-backend=false", "-input=false", "-no-color");
        terraform.run(
                module,
                "plan",
                "-input=false",
                "-no-color",
                "-lock=false",
                "-out=tfplan",
                "-var",
                "billing_mode=PROVISIONED",
                "-var",
                "table_class=STANDARD_INFREQUENT_ACCESS");
        plan = planJson("tfplan");
    }

    private JsonNode planJson(String planFile) {
        return JsonMapper.builder().build().readTree(terraform.run(module, "show", "-json", "-no-color", planFile));
    }

    /** Per test, not in {@link #planTheModule}: Surefire then counts each check as skipped instead of not run. */
    @BeforeEach
    void requireTerraform() {
        assumeTrue(terraform != null, "terraform is not installed: the Terraform module checks are skipped");
    }

    /** init links the provider from the mirror; the links go first so the temp-dir clean-up has nothing to warn about. */
    @AfterAll
    void removeProviderLinks() throws IOException {
        if (workDir == null || !Files.isDirectory(workDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            for (Path link : paths.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }

    @Test
    void formattingIsCanonical() {
        Terraform.Result fmt = terraform.tryRun(
                Path.of("").toAbsolutePath(), "fmt", "-check", "-recursive", "-diff", "-no-color", MODULE.toString());
        assertThat(fmt.exitCode())
                .as("terraform fmt -check -recursive infra/terraform:%n%s", fmt.output())
                .isZero();
    }

    @Test
    void tableKeySchemaIsTheServices() {
        JsonNode table = resource("aws_dynamodb_table.main");
        assertThat(table.path("name").asString()).isEqualTo(TABLE);
        assertThat(table.path("hash_key").asString()).isEqualTo(keyOf(serviceTable.keySchema(), KeyType.HASH));
        assertThat(table.path("range_key").asString()).isEqualTo(keyOf(serviceTable.keySchema(), KeyType.RANGE));
        // the attributes only a multi-attribute index uses are defined by that index's UpdateTable
        assertThat(Stream.concat(
                                stream(table.path("attribute"))
                                        .map(a -> a.path("name").asString() + ":"
                                                + a.path("type").asString()),
                                resources("terraform_data")
                                        .flatMap(d -> stream(d.path("input").path("attribute_definitions")))
                                        .map(a -> a.path("AttributeName").asString() + ":"
                                                + a.path("AttributeType").asString()))
                        .collect(Collectors.toSet()))
                .isEqualTo(serviceTable.attributeDefinitions().stream()
                        .map(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                        .collect(Collectors.toSet()));
    }

    @Test
    void globalSecondaryIndexesAreTheServices() {
        Map<String, IndexShape> planned = new HashMap<>();
        stream(resource("aws_dynamodb_table.main").path("global_secondary_index"))
                .forEach(i -> planned.put(
                        i.path("name").asString(),
                        new IndexShape(
                                List.of(i.path("hash_key").asString()),
                                optional(i.path("range_key")),
                                i.path("projection_type").asString(),
                                strings(i.path("non_key_attributes")))));
        // a multi-attribute index, which the provider cannot declare, is created by UpdateTable after the table
        resources("terraform_data")
                .map(d -> d.path("input").path("create"))
                .forEach(create -> planned.put(
                        create.path("IndexName").asString(),
                        new IndexShape(
                                keys(create.path("KeySchema"), "HASH"),
                                keys(create.path("KeySchema"), "RANGE"),
                                create.path("Projection").path("ProjectionType").asString(),
                                strings(create.path("Projection").path("NonKeyAttributes")))));
        Map<String, IndexShape> declared = serviceTable.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(i -> i.indexName(), i -> IndexShape.of(i.keySchema(), i.projection())));
        assertThat(planned).isEqualTo(declared).isNotEmpty();
    }

    @Test
    void localSecondaryIndexesAreTheServices() {
        JsonNode table = resource("aws_dynamodb_table.main");
        Map<String, IndexShape> planned = new HashMap<>();
        stream(table.path("local_secondary_index"))
                .forEach(i -> planned.put(
                        i.path("name").asString(),
                        // an LSI's partition key is always the table's; Terraform does not repeat it
                        new IndexShape(
                                List.of(table.path("hash_key").asString()),
                                optional(i.path("range_key")),
                                i.path("projection_type").asString(),
                                strings(i.path("non_key_attributes")))));
        Map<String, IndexShape> declared = serviceTable.localSecondaryIndexes().stream()
                .collect(Collectors.toMap(i -> i.indexName(), i -> IndexShape.of(i.keySchema(), i.projection())));
        assertThat(planned).isEqualTo(declared).isNotEmpty();
    }

    @Test
    void ttlAndStreamAreTheDeclaredOnes() {
        JsonNode table = resource("aws_dynamodb_table.main");
        assertThat(table.path("ttl").path(0).path("attribute_name").asString()).isEqualTo(layout.timeToLiveAttribute());
        assertThat(table.path("ttl").path(0).path("enabled").asBoolean()).isTrue();
        assertThat(table.path("stream_enabled").asBoolean()).isTrue();
        assertThat(table.path("stream_view_type").asString())
                .isEqualTo(serviceTable.streamSpecification().streamViewTypeAsString())
                .isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void tableIsProtectedRecoverableAndEncryptedByDefault() {
        for (String address : List.of("aws_dynamodb_table.main", "aws_dynamodb_table.history")) {
            JsonNode table = resource(address);
            assertThat(table.path("point_in_time_recovery")
                            .path(0)
                            .path("enabled")
                            .asBoolean())
                    .as(address)
                    .isTrue();
            assertThat(table.path("deletion_protection_enabled").asBoolean())
                    .as(address)
                    .isTrue();
            // no KMS key given: DynamoDB's default encryption at rest with an AWS owned key
            assertThat(table.path("server_side_encryption")
                            .path(0)
                            .path("enabled")
                            .asBoolean())
                    .as(address)
                    .isFalse();
            assertThat(table.path("billing_mode").asString()).as(address).isEqualTo("PROVISIONED");
            assertThat(table.path("table_class").asString()).as(address).isEqualTo("STANDARD_INFREQUENT_ACCESS");
        }
        assertThat(resource("aws_dynamodb_table.main").path("replica").isEmpty())
                .isTrue();
    }

    @Test
    void historyTableIsKeyedByStringPkAndSk() {
        JsonNode history = resource("aws_dynamodb_table.history");
        assertThat(history.path("name").asString()).isEqualTo(TABLE + "-history");
        assertThat(history.path("hash_key").asString()).isEqualTo("PK");
        assertThat(history.path("range_key").asString()).isEqualTo("SK");
        assertThat(stream(history.path("attribute"))
                        .map(a ->
                                a.path("name").asString() + ":" + a.path("type").asString())
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("PK:S", "SK:S");
    }

    @Test
    void provisionedModeScalesBothTablesAndEveryGlobalIndex() {
        Set<String> expected = new TreeSet<>();
        for (String unit : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
            expected.add("table/" + TABLE + " dynamodb:table:" + unit);
            expected.add("table/" + TABLE + "-history dynamodb:table:" + unit);
            layout.globalSecondaryIndexes()
                    .forEach(index ->
                            expected.add("table/" + TABLE + "/index/" + index.name() + " dynamodb:index:" + unit));
        }
        Set<String> planned = resources("aws_appautoscaling_target")
                .map(t -> t.path("resource_id").asString() + " "
                        + t.path("scalable_dimension").asString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(planned).isEqualTo(expected);
        assertThat(resources("aws_appautoscaling_policy"))
                .hasSize(expected.size())
                .allSatisfy(p -> {
                    assertThat(p.path("policy_type").asString()).isEqualTo("TargetTrackingScaling");
                    assertThat(p.path("target_tracking_scaling_policy_configuration")
                                    .path(0)
                                    .path("predefined_metric_specification")
                                    .path(0)
                                    .path("predefined_metric_type")
                                    .asString())
                            .isIn("DynamoDBReadCapacityUtilization", "DynamoDBWriteCapacityUtilization");
                });
    }

    @Test
    void servicePolicyGrantsDataAccessOnlyNeverTableManagement() {
        assertThat(resource("aws_iam_policy.service[0]").path("name").asString())
                .isEqualTo("singletable-service");
        List<String> actions = stream(
                        resource("data.aws_iam_policy_document.service").path("statement"))
                .flatMap(s -> strings(s.path("actions")).stream())
                .toList();
        assertThat(actions)
                .contains(
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:ConditionCheckItem",
                        "dynamodb:Query",
                        "dynamodb:BatchWriteItem",
                        "dynamodb:GetRecords",
                        "dynamodb:GetShardIterator")
                .allSatisfy(action -> assertThat(action).startsWith("dynamodb:").doesNotContain("*"))
                .doesNotContain("dynamodb:CreateTable", "dynamodb:DeleteTable", "dynamodb:UpdateTable");
    }

    /**
     * The service runs under exactly this policy in {@code ServiceUnderItsIamPolicyTest}: its rendering for the engine
     * ({@code src/test/resources/access/service-policy.json}) has the same statements with the same actions. Resources
     * are known only after apply (the tables' ARNs); the rendering names the main table, the history table, the main
     * table's indexes and its stream, as the statements' resource expressions do.
     */
    @Test
    void servicePolicyIsTheOneTheServiceRunsUnder() throws IOException {
        JsonNode rendered = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Path.of("src/test/resources/access/service-policy.json")));
        Map<String, Set<String>> renderedActions = new HashMap<>();
        stream(rendered.path("Statement"))
                .forEach(st -> renderedActions.put(st.path("Sid").asString(), strings(st.path("Action"))));
        Map<String, Set<String>> plannedActions = new HashMap<>();
        stream(resource("data.aws_iam_policy_document.service").path("statement"))
                .forEach(st -> plannedActions.put(st.path("sid").asString(), strings(st.path("actions"))));
        assertThat(renderedActions).isEqualTo(plannedActions);
    }

    @Test
    void leadingKeysExampleConfinesRequestsToTheCallersPartition() {
        JsonNode statement = resource("data.aws_iam_policy_document.leading_keys_example")
                .path("statement")
                .path(0);
        JsonNode condition = statement.path("condition").path(0);
        assertThat(condition.path("test").asString()).isEqualTo("ForAllValues:StringEquals");
        assertThat(condition.path("variable").asString()).isEqualTo("dynamodb:LeadingKeys");
        // the IAM policy variable survives Terraform's interpolation literally
        assertThat(strings(condition.path("values"))).containsExactly("USER#${cognito-identity.amazonaws.com:sub}");
        // a Scan names no key, so ForAllValues would let it read every partition
        assertThat(strings(statement.path("actions"))).doesNotContain("dynamodb:Scan");
    }

    @Test
    void globalTableHasAReplicaPerRegionEncryptedWithThatRegionsKey() {
        String primaryKey = "arn:aws:kms:us-east-1:111122223333:key/primary";
        String replicaKey = "arn:aws:kms:eu-west-1:111122223333:key/replica";
        terraform.run(
                module,
                "plan",
                "-input=false",
                "-no-color",
                "-lock=false",
                "-out=global.tfplan",
                "-var",
                "replica_regions=[\"eu-west-1\"]",
                "-var",
                "kms_key_arn=" + primaryKey,
                "-var",
                "replica_kms_key_arns={\"eu-west-1\" = \"" + replicaKey + "\"}");
        JsonNode global = planJson("global.tfplan");
        JsonNode table = resource(global, "aws_dynamodb_table.main");
        assertThat(table.path("billing_mode").asString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.path("server_side_encryption").path(0).path("enabled").asBoolean())
                .isTrue();
        assertThat(table.path("server_side_encryption")
                        .path(0)
                        .path("kms_key_arn")
                        .asString())
                .isEqualTo(primaryKey);
        JsonNode replica = table.path("replica").path(0);
        assertThat(table.path("replica").size()).isEqualTo(1);
        assertThat(replica.path("region_name").asString()).isEqualTo("eu-west-1");
        assertThat(replica.path("kms_key_arn").asString()).isEqualTo(replicaKey);
        assertThat(replica.path("point_in_time_recovery").asBoolean()).isTrue();
        // on-demand: nothing to scale
        assertThat(stream(global.path("planned_values").path("root_module").path("resources"))
                        .filter(r -> r.path("type").asString().startsWith("aws_appautoscaling")))
                .isEmpty();
    }

    /**
     * The refusal is a validation rule of {@code variables.tf}, so it is planned with that file alone: no provider to
     * load (a plan of the whole module costs about ten seconds of CPU for the AWS provider's schema, whichever way it
     * ends). The accepted combination beside it shows that the rule, not something else, refuses.
     */
    @Test
    void provisionedGlobalTableIsRefusedAtPlanTime() throws IOException {
        Path variablesOnly = Files.createDirectories(workDir.resolve("variables-only"));
        Files.copy(MODULE.resolve("variables.tf"), variablesOnly.resolve("variables.tf"));
        Terraform.Result refused = planGlobalTable(variablesOnly, "PROVISIONED");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("replica_regions needs billing_mode");

        Terraform.Result accepted = planGlobalTable(variablesOnly, "PAY_PER_REQUEST");
        assertThat(accepted.exitCode()).as(accepted.output()).isZero();
    }

    /** A plan of {@code dir} with a replica in eu-west-1 and the given billing mode. */
    private Terraform.Result planGlobalTable(Path dir, String billingMode) {
        return terraform.tryRun(
                dir,
                "plan",
                "-input=false",
                "-no-color",
                "-lock=false",
                "-var",
                "billing_mode=" + billingMode,
                "-var",
                "replica_regions=[\"eu-west-1\"]");
    }

    private JsonNode resource(String address) {
        return resource(plan, address);
    }

    private static JsonNode resource(JsonNode plan, String address) {
        return stream(plan.path("planned_values").path("root_module").path("resources"))
                .filter(r -> r.path("address").asString().equals(address))
                .findFirst()
                .map(r -> r.path("values"))
                .orElseThrow(() -> new AssertionError(address + " is not in the plan"));
    }

    private Stream<JsonNode> resources(String type) {
        return stream(plan.path("planned_values").path("root_module").path("resources"))
                .filter(r -> r.path("type").asString().equals(type)
                        && r.path("mode").asString().equals("managed"))
                .map(r -> r.path("values"));
    }

    /**
     * The module's .tf files (not a {@code *_override.tf} a learner may have put there) and the layout file, at their places under {@code repo}; returns the module's directory.
     */
    static Path copyInto(Path repo) throws IOException {
        Path module = repo.resolve(MODULE);
        Files.createDirectories(module);
        try (Stream<Path> files = Files.list(MODULE)) {
            // the committed lock file too: init then checks the mirror's provider against its checksum
            for (Path file : files.filter(f -> (f.toString().endsWith(".tf")
                                    && !f.getFileName().toString().endsWith("_override.tf"))
                            || f.getFileName().toString().equals(".terraform.lock.hcl"))
                    .toList()) {
                Files.copy(file, module.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(repo.resolve(LAYOUT).getParent());
        Files.copy(LAYOUT, repo.resolve(LAYOUT));
        return module;
    }

    private static String keyOf(List<KeySchemaElement> keys, KeyType type) {
        return keys.stream()
                .filter(k -> k.keyType() == type)
                .map(KeySchemaElement::attributeName)
                .findFirst()
                .orElse("");
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static Set<String> strings(JsonNode array) {
        return stream(array).map(JsonNode::asString).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> optional(JsonNode name) {
        return name.isNull() || name.isMissingNode() || name.asString().isEmpty()
                ? List.of()
                : List.of(name.asString());
    }

    private static List<String> keys(JsonNode keySchema, String type) {
        return stream(keySchema)
                .filter(k -> k.path("KeyType").asString().equals(type))
                .map(k -> k.path("AttributeName").asString())
                .toList();
    }

    /** What Terraform and the SDK request must agree on for one index: its key attributes in order, its projection. */
    record IndexShape(List<String> hashKeys, List<String> rangeKeys, String projection, Set<String> nonKeyAttributes) {

        static IndexShape of(List<KeySchemaElement> keys, Projection projection) {
            return new IndexShape(
                    keysOf(keys, KeyType.HASH),
                    keysOf(keys, KeyType.RANGE),
                    projection.projectionTypeAsString(),
                    new TreeSet<>(projection.nonKeyAttributes()));
        }

        private static List<String> keysOf(List<KeySchemaElement> keys, KeyType type) {
            return keys.stream()
                    .filter(k -> k.keyType() == type)
                    .map(KeySchemaElement::attributeName)
                    .toList();
        }
    }
}
