package dev.singletable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.table.TableLayout;
import dev.singletable.table.TableLayoutLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks on the Terraform sources that need no terraform binary, so the single-source-of-truth rule holds on every
 * machine: the module reads the layout file the service reads, and repeats none of its indexes by hand.
 * ({@link TerraformModuleTest} checks what the module actually plans, where terraform is installed.)
 */
class TerraformSourcesTest {

    private static final Pattern LAYOUT_FILE =
            Pattern.compile("jsondecode\\(\\s*file\\(\\s*\"\\$\\{path\\.module}/([^\"]+)\"\\s*\\)\\s*\\)");

    @Test
    void moduleReadsTheServicesLayoutFile() throws IOException {
        List<String> references = new ArrayList<>();
        for (Map.Entry<Path, String> file : terraformFiles().entrySet()) {
            Matcher m = LAYOUT_FILE.matcher(file.getValue());
            while (m.find()) {
                references.add(m.group(1));
            }
        }
        assertThat(references).hasSize(1);
        Path referenced = TerraformModuleTest.MODULE.resolve(references.get(0)).normalize();
        assertThat(referenced).isEqualTo(TerraformModuleTest.LAYOUT.normalize());
        assertThat(referenced).isRegularFile();
    }

    @Test
    void noIndexIsDeclaredByHand() throws IOException {
        TableLayout layout = TableLayoutLoader.load();
        List<String> declaredOnlyInTheLayout = new ArrayList<>();
        Stream.concat(layout.globalSecondaryIndexes().stream(), layout.localSecondaryIndexes().stream())
                .forEach(index -> {
                    declaredOnlyInTheLayout.add(index.name());
                    declaredOnlyInTheLayout.addAll(index.hashKeys());
                    declaredOnlyInTheLayout.addAll(index.rangeKeys());
                });
        declaredOnlyInTheLayout.add(layout.timeToLiveAttribute());
        for (Map.Entry<Path, String> file : terraformFiles().entrySet()) {
            for (String name : declaredOnlyInTheLayout) {
                assertThat(file.getValue())
                        .as("%s repeats \"%s\" from the layout file instead of reading it", file.getKey(), name)
                        .doesNotContainPattern("\"" + Pattern.quote(name) + "\"");
            }
        }
    }

    @Test
    void moduleHasTheFilesItsReadmeDescribes() {
        for (String file : List.of(
                "versions.tf",
                "providers.tf",
                "variables.tf",
                "layout.tf",
                "table.tf",
                "history.tf",
                "autoscaling.tf",
                "iam.tf",
                "outputs.tf",
                "README.md")) {
            assertThat(TerraformModuleTest.MODULE.resolve(file)).isRegularFile();
        }
    }

    private static Map<Path, String> terraformFiles() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(TerraformModuleTest.MODULE)) {
            // .terraform/ holds downloaded modules of a local init: not ours
            for (Path path : paths.filter(
                            p -> p.toString().endsWith(".tf") && !p.toString().contains(".terraform"))
                    .toList()) {
                files.put(path, Files.readString(path));
            }
        }
        assertThat(files).isNotEmpty();
        return files;
    }
}
