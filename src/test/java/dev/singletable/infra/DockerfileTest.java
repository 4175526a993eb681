package dev.singletable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.table.EngineProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Dockerfile cannot be built here (no Docker engine), so it is read: two stages, the Maven wrapper, Spring Boot's
 * four jar layers, a non-root user, and names and ports that match the POM and application.yml.
 */
class DockerfileTest {

    /** Spring Boot's default layers, in the order its layers.idx lists them. */
    private static final List<String> BOOT_LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    private final List<Instruction> instructions = parse(Path.of("Dockerfile"));
    private final String jarName = finalName() + ".jar";

    @Test
    void buildsWithTheMavenWrapperInItsOwnStage() {
        List<Instruction> build = stage("build");
        assertThat(build.get(0).args()).startsWith("eclipse-temurin:").contains("-jdk");
        assertThat(runs(build))
                .anySatisfy(run -> assertThat(run).contains("./mvnw").contains("package"));
        for (Instruction copy : byKeyword(build, "COPY")) {
            for (String source : copy.words().subList(0, copy.words().size() - 1)) {
                assertThat(Path.of(source)).as("COPY %s", source).exists();
            }
        }
    }

    @Test
    void extractsTheBootJarIntoLayersAndRunsIt() {
        assertThat(runs(stage("build"))).anySatisfy(run -> assertThat(run)
                .contains("-Djarmode=tools")
                .contains("-jar target/" + jarName)
                .contains("extract --layers"));
        List<String> copied = byKeyword(stage("runtime"), "COPY").stream()
                .filter(copy -> copy.args().startsWith("--from=build"))
                .map(copy -> copy.words().get(1))
                .toList();
        assertThat(copied)
                .containsExactlyElementsOf(BOOT_LAYERS.stream()
                        .map(layer -> "/workspace/target/extracted/" + layer + "/")
                        .toList());
        // without --launcher, extract names the application jar after the Boot jar and puts lib/ beside it
        assertThat(last(stage("runtime"), "ENTRYPOINT").args()).contains("\"-jar\", \"" + jarName + "\"");
    }

    @Test
    void runtimeRunsAsAnUnprivilegedUser() {
        Instruction user = last(stage("runtime"), "USER");
        assertThat(user.args()).isNotBlank().isNotIn("root", "0", "0:0");
        List<Instruction> runtime = stage("runtime");
        assertThat(runtime.indexOf(user))
                .as("USER comes after the last RUN")
                .isGreaterThan(runtime.indexOf(last(runtime, "RUN")));
        assertThat(runtime.get(0).args())
                .startsWith("eclipse-temurin:")
                .contains("-jre")
                .doesNotEndWith(":latest");
    }

    @Test
    void engineDataGoesToTheVolumeTheUnprivilegedUserOwns() {
        List<Instruction> runtime = stage("runtime");
        Map<String, Object> environment = new LinkedHashMap<>();
        byKeyword(runtime, "ENV").forEach(env -> {
            String[] pair = env.args().split("=", 2);
            environment.put(pair[0], pair[1]);
        });
        EngineProperties engine =
                SpringBinding.fromEnvironment(environment, "singletable.engine", EngineProperties.class);
        assertThat(engine.dataDir()).isEqualTo(Path.of("/data"));
        assertThat(last(runtime, "VOLUME").args()).contains("/data");
        String user = last(runtime, "USER").args();
        assertThat(runs(runtime)).anySatisfy(run -> assertThat(run).contains("chown " + user + ":" + user + " /data"));
    }

    @Test
    void exposesTheServiceAndEnginePortsOfApplicationYml() {
        JsonNode application = ComposeFileTest.read(Path.of("src/main/resources/application.yml"));
        List<String> exposed = last(stage("runtime"), "EXPOSE").words();
        assertThat(exposed)
                .contains(
                        application.path("server").path("port").asString(),
                        application
                                .path("singletable")
                                .path("engine")
                                .path("port")
                                .asString());
    }

    @Test
    void runtimeHasTheToolTheComposeHealthChecksCall() {
        JsonNode services = ComposeFileTest.read(ComposeFileTest.COMPOSE).path("services");
        for (String name : List.of("engine", "app")) {
            assertThat(services.path(name)
                            .path("healthcheck")
                            .path("test")
                            .path(1)
                            .asString())
                    .isEqualTo("curl");
        }
        assertThat(runs(stage("runtime")))
                .anySatisfy(run -> assertThat(run).contains("apt-get install").contains("curl"));
    }

    @Test
    void buildContextLeavesOutLocalStateButKeepsTheSources() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(ignored).contains("target/", "data/", ".git");
        assertThat(ignored).doesNotContain("src", "src/", "pom.xml", "mvnw", ".mvn", ".mvn/");
    }

    // ---- a small Dockerfile reader: instructions with their continuation lines joined ----

    record Instruction(String keyword, String args) {
        List<String> words() {
            return List.of(args.trim().split("\\s+"));
        }
    }

    private static final Pattern INSTRUCTION = Pattern.compile("^([A-Za-z]+)\\s+(.*)$", Pattern.DOTALL);

    static List<Instruction> parse(Path dockerfile) {
        List<Instruction> result = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                String stripped = line.strip();
                if (pending.isEmpty() && (stripped.isEmpty() || stripped.startsWith("#"))) {
                    continue;
                }
                if (stripped.startsWith("#")) {
                    continue; // a comment inside a continued instruction
                }
                if (stripped.endsWith("\\")) {
                    pending.append(stripped, 0, stripped.length() - 1).append(' ');
                    continue;
                }
                pending.append(stripped);
                Matcher m = INSTRUCTION.matcher(pending.toString().replaceAll("\\s+", " "));
                assertThat(m.matches())
                        .as("Dockerfile instruction: %s", pending)
                        .isTrue();
                result.add(new Instruction(m.group(1).toUpperCase(), m.group(2)));
                pending.setLength(0);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return result;
    }

    /** The instructions of one stage, its FROM first. */
    private List<Instruction> stage(String name) {
        int start = -1;
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            if (instruction.keyword().equals("FROM")) {
                if (start >= 0) {
                    return instructions.subList(start, i);
                }
                if (instruction.args().toLowerCase().endsWith(" as " + name)) {
                    start = i;
                }
            }
        }
        assertThat(start).as("stage %s", name).isNotNegative();
        return instructions.subList(start, instructions.size());
    }

    private static List<Instruction> byKeyword(List<Instruction> stage, String keyword) {
        return stage.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    private static Instruction last(List<Instruction> stage, String keyword) {
        List<Instruction> matching = byKeyword(stage, keyword);
        assertThat(matching).as(keyword).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    private static List<String> runs(List<Instruction> stage) {
        return byKeyword(stage, "RUN").stream().map(Instruction::args).toList();
    }

    private static String finalName() {
        try {
            var pom = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(Path.of("pom.xml").toFile());
            var names = pom.getElementsByTagName("finalName");
            assertThat(names.getLength()).as("<build><finalName> in pom.xml").isEqualTo(1);
            return names.item(0).getTextContent().strip();
        } catch (Exception e) {
            throw new AssertionError("cannot read pom.xml", e);
        }
    }
}
