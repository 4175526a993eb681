package dev.singletable;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The service's top-level packages are Spring Modulith application modules, each declaring in its
 * {@code package-info.java} the modules it may depend on. {@link ApplicationModules#verify()} fails on a dependency
 * that is not declared, on a cycle between modules, and on a use of another module's internals. The engine is not one
 * of them: it is a product of its own that ships in the same jar, kept apart by {@code ArchitectureTest} and reached
 * only through the store wiring in {@code table} and {@code config}.
 *
 * <p>The module diagrams (PlantUML, C4 style) and canvases (AsciiDoc: each module's beans, grouped, with its
 * projectors apart) in {@code docs/modules} are generated from the same model, internals included. The test
 * regenerates them into {@code target/} and fails when the committed ones differ, so they cannot go stale;
 * {@code -Dmodulith.docs.write=true} writes them.
 */
class ModulesTest {

    static final ApplicationModules MODULES = modules();

    private static final String PROJECTOR = "dev.singletable.streams.Projector";
    private static final Path COMMITTED = Path.of("docs", "modules");
    private static final Path GENERATED = Path.of("target", "modules-docs");

    @Test
    void modulesDependOnlyOnWhatTheyDeclareAndNeverInACycle() {
        MODULES.verify();
    }

    @Test
    void theCommittedModuleDocumentationIsWhatTheCodeGenerates() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases(Documenter.CanvasOptions.defaults()
                        .groupingBy("Projectors", bean -> bean.getType().isAssignableTo(PROJECTOR))
                        .revealInternals());
        sortRelations(GENERATED);
        if (Boolean.getBoolean("modulith.docs.write")) {
            replace(COMMITTED, GENERATED);
        }
        assertThat(contents(COMMITTED))
                .as("docs/modules is out of date: ./mvnw test -Dtest=ModulesTest -Dmodulith.docs.write=true")
                .isEqualTo(contents(GENERATED));
    }

    /**
     * The model, with Spring's annotation types resolved from the classpath: the module canvases tell a service from a
     * repository by {@code @Service} and {@code @Repository}, which are meta-annotated with {@code @Component}. The
     * other ArchUnit tests keep the faster setting of archunit.properties (no resolution outside the imported packages).
     */
    private static ApplicationModules modules() {
        ArchConfiguration archUnit = ArchConfiguration.get();
        boolean resolving = archUnit.resolveMissingDependenciesFromClassPath();
        archUnit.setResolveMissingDependenciesFromClassPath(true);
        try {
            return ApplicationModules.of(
                    SingletableApplication.class, JavaClass.Predicates.resideInAPackage("dev.singletable.engine.."));
        } finally {
            archUnit.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    /**
     * Orders the diagrams' element and relation lines, which the generator writes in an order that varies from run to
     * run (the set of lines does not), so that regenerating them changes nothing unless the model changed.
     */
    private static void sortRelations(Path folder) throws IOException {
        try (Stream<Path> diagrams = Files.list(folder)) {
            for (Path diagram :
                    diagrams.filter(file -> file.toString().endsWith(".puml")).toList()) {
                List<String> lines = new ArrayList<>(Files.readAllLines(diagram));
                for (int from = 0; from < lines.size(); from++) {
                    String kind = sortableKind(lines.get(from));
                    int to = from;
                    while (kind != null && to + 1 < lines.size() && kind.equals(sortableKind(lines.get(to + 1)))) {
                        to++;
                    }
                    Collections.sort(lines.subList(from, to + 1));
                    from = to;
                }
                Files.write(diagram, lines);
            }
        }
    }

    private static String sortableKind(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("Rel(") ? "Rel" : trimmed.startsWith("Component(") ? "Component" : null;
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> paths = Files.list(folder)) {
                paths.filter(Files::isRegularFile)
                        .forEach(file -> files.put(file.getFileName().toString(), read(file)));
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(Path target, Path source) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> old = Files.list(target)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> fresh = Files.list(source)) {
            for (Path file : fresh.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
