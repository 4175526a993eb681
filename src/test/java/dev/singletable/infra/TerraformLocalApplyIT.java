package dev.singletable.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.singletable.process.ChildProcess;
import dev.singletable.process.DynamoDbClients;
import dev.singletable.process.SingletableJar;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * {@code infra/terraform} applied against the bundled engine, as its README's "A global table on the bundled engine"
 * section says: the module's provider pointed at the engine by its {@code dynamodb_endpoint} variable, the two tables
 * applied with a replica in {@code eu-west-1} (the AWS provider creates the table, then adds the replica with
 * UpdateTable ReplicaUpdates and waits for it), and a plan afterwards shows no changes. Skipped where terraform is not
 * installed.
 */
class TerraformLocalApplyIT {

    private static final List<String> TARGETS = List.of("-target=aws_dynamodb_table.main",
            "-target=aws_dynamodb_table.history", "-var", "replica_regions=[\"eu-west-1\"]");

    @TempDir
    Path workDir;

    @Test
    void theTablesApplyWithAReplicaAndAPlanAfterwardsShowsNoChanges() throws Exception {
        Path binary = Terraform.findBinary().orElse(null);
        assumeTrue(binary != null, "terraform is not installed");
        Terraform terraform = Terraform.create(binary, workDir);
        try (ChildProcess engine = SingletableJar.command("terraform-engine",
                List.of("--engine-only", "-inMemory", "-port", "0")).start()) {
            URI endpoint = SingletableJar.awaitEngine(engine);
            Path module = TerraformModuleTest.copyInto(workDir.resolve("repo"));

            terraform.run(module, "init", "-backend=false", "-input=false", "-no-color");
            terraform.run(module, args(endpoint, "apply", "-auto-approve", "-input=false", "-no-color"));

            try (DynamoDbClient virginia = DynamoDbClients.at(endpoint);
                    DynamoDbClient ireland = regional(endpoint, Region.EU_WEST_1)) {
                TableDescription main = virginia.describeTable(b -> b.tableName("singletable")).table();
                assertThat(main.replicas()).singleElement().satisfies(r -> {
                    assertThat(r.regionName()).isEqualTo("eu-west-1");
                    assertThat(r.replicaStatus()).isEqualTo(ReplicaStatus.ACTIVE);
                });
                TableDescription replica = ireland.describeTable(b -> b.tableName("singletable")).table();
                assertThat(replica.tableArn()).isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/singletable");
                assertThat(replica.globalSecondaryIndexes()).hasSameSizeAs(main.globalSecondaryIndexes());
                assertThat(ireland.listTables().tableNames()).as("the history table is regional")
                        .containsExactly("singletable");
            }

            Terraform.Result plan = terraform.tryRun(module, args(endpoint, "plan", "-detailed-exitcode", "-input=false",
                    "-no-color"));
            assertThat(plan.exitCode()).as("plan after apply (2 = changes):%n%s", plan.output()).isZero();
            assertThat(plan.output()).contains("No changes.");
        } finally {
            removeProviderLinks();
        }
    }

    /** The command, the module's own switch to a local endpoint ({@code dynamodb_endpoint}), and the targets. */
    private static String[] args(URI endpoint, String... first) {
        return Stream.of(Stream.of(first), Stream.of("-var", "dynamodb_endpoint=" + endpoint), TARGETS.stream())
                .flatMap(s -> s).toArray(String[]::new);
    }

    private static DynamoDbClient regional(URI endpoint, Region region) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** init links the provider from the mirror; the links go first so the temp-dir clean-up has nothing to warn about. */
    private void removeProviderLinks() throws IOException {
        try (Stream<Path> paths = Files.walk(workDir)) {
            for (Path link : paths.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
    }
}
