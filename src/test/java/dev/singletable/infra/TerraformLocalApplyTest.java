package dev.singletable.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.wire.WireServer;
import dev.singletable.engine.wire.WireServerOptions;
import dev.singletable.table.TableLayoutLoader;
import dev.singletable.table.TableRequestFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The documented way to apply {@code infra/terraform} without AWS (README.md there, "Apply it locally"): the bundled
 * engine on an ephemeral port, {@code terraform apply -var-file=examples/local.tfvars} with the real AWS provider,
 * then {@code terraform plan} finds nothing to change, and the table Terraform made has the key schema, indexes,
 * stream and TTL of the table the service creates itself. Skipped where terraform is not installed.
 */
class TerraformLocalApplyTest {

    @TempDir
    static Path workDir;

    private static EmbeddedEngine engine;
    private static WireServer server;

    @BeforeAll
    static void startTheEngine() {
        engine = EmbeddedEngine.inMemory();
        server = WireServer.start(WireServerOptions.defaults(), engine.dynamoDbClient(), engine.dynamoDbStreamsClient());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        engine.close();
        if (workDir != null && Files.isDirectory(workDir)) { // init links the provider: links go before the clean-up
            try (Stream<Path> paths = Files.walk(workDir)) {
                for (Path link : paths.filter(Files::isSymbolicLink).toList()) {
                    Files.delete(link);
                }
            }
        }
    }

    @Test
    void applyThenPlanFindsNothingToChangeAndTheTableIsTheServices() throws IOException {
        Path binary = Terraform.findBinary().orElse(null);
        assumeTrue(binary != null, "terraform is not installed: the local apply is skipped");
        Terraform terraform = Terraform.create(binary, workDir);
        Path module = copyInto(workDir.resolve("repo"));
        String endpoint = "dynamodb_endpoint=" + server.endpoint();

        terraform.run(module, "init", "-backend=false", "-input=false", "-no-color");
        terraform.run(module, "apply", "-auto-approve", "-input=false", "-no-color",
                "-var-file=examples/local.tfvars", "-var", endpoint);
        Terraform.Result plan = terraform.tryRun(module, "plan", "-detailed-exitcode", "-input=false", "-no-color",
                "-lock=false", "-var-file=examples/local.tfvars", "-var", endpoint);
        assertThat(plan.exitCode()).as("terraform plan after apply (0: no changes):%n%s", plan.output()).isZero();

        DynamoDbClient dynamo = engine.dynamoDbClient();
        dynamo.createTable(TableRequestFactory.createTable("singletable", TableLayoutLoader.load()));
        TableDescription terraforms = dynamo.describeTable(r -> r.tableName("singletable-tf")).table();
        TableDescription services = dynamo.describeTable(r -> r.tableName("singletable")).table();
        assertThat(terraforms.keySchema()).isEqualTo(services.keySchema());
        assertThat(terraforms.attributeDefinitions()).containsExactlyInAnyOrderElementsOf(services.attributeDefinitions());
        assertThat(gsis(terraforms)).isEqualTo(gsis(services));
        assertThat(lsis(terraforms)).isEqualTo(lsis(services));
        assertThat(terraforms.streamSpecification()).isEqualTo(services.streamSpecification());
        assertThat(dynamo.describeTimeToLive(r -> r.tableName("singletable-tf")).timeToLiveDescription()
                .attributeName()).isEqualTo(TableLayoutLoader.load().timeToLiveAttribute());
        assertThat(dynamo.describeTable(r -> r.tableName("singletable-tf-history")).table().tableStatus())
                .hasToString("ACTIVE");
    }

    private static List<String> gsis(TableDescription table) {
        return table.globalSecondaryIndexes().stream()
                .sorted(Comparator.comparing(GlobalSecondaryIndexDescription::indexName))
                .map(i -> i.indexName() + " " + i.keySchema() + " " + i.projection())
                .toList();
    }

    private static List<String> lsis(TableDescription table) {
        return table.localSecondaryIndexes().stream()
                .sorted(Comparator.comparing(LocalSecondaryIndexDescription::indexName))
                .map(i -> i.indexName() + " " + i.keySchema() + " " + i.projection())
                .toList();
    }

    /** The module's files, its lock file and examples, and the layout file at its relative place. */
    private static Path copyInto(Path repo) throws IOException {
        Path module = repo.resolve(TerraformModuleTest.MODULE);
        Files.createDirectories(module.resolve("examples"));
        try (Stream<Path> files = Files.list(TerraformModuleTest.MODULE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")
                    || f.getFileName().toString().equals(".terraform.lock.hcl")).toList()) {
                Files.copy(file, module.resolve(file.getFileName()));
            }
        }
        Path tfvars = Path.of("examples", "local.tfvars");
        Files.copy(TerraformModuleTest.MODULE.resolve(tfvars), module.resolve(tfvars));
        Files.createDirectories(repo.resolve(TerraformModuleTest.LAYOUT).getParent());
        Files.copy(TerraformModuleTest.LAYOUT, repo.resolve(TerraformModuleTest.LAYOUT));
        return module;
    }
}
