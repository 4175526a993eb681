package dev.singletable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.singletable.process.ChildProcess;
import dev.singletable.process.DocumentedCommands;
import dev.singletable.process.RawHttp1;
import dev.singletable.process.Readme;
import dev.singletable.process.ShellSession;
import dev.singletable.process.SingletableJar;
import dev.singletable.process.WarmAwsCli;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The README's commands, read from README.md by the test (never copied into it) and run as a reader runs them: the
 * service started from the packaged jar with the README's arguments, in the default and the demo profile, and each
 * documented {@code curl}, {@code jq} and {@code aws} command run in one bash, checked against what the README's
 * comment says it answers. Only the addresses are rewritten to the ports the processes really use.
 *
 * <p>{@code ./mvnw spring-boot:run} itself is not run here (a Maven inside the Maven that runs this test would take a
 * minute and fight it for {@code target/}); instead {@link #springBootRunStartsTheSameApplicationAsTheJar} checks
 * that the plugin's run goal starts the same main class with the same arguments, and the README's
 * {@code -Dspring-boot.run.arguments}/{@code -Dspring-boot.run.profiles} are passed to the jar as the plugin passes
 * them to that main class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeCommandsIT {

    private static final String DOCUMENTED_SERVICE = "localhost:8080";
    private static final String DOCUMENTED_ENGINE = "http://127.0.0.1:8000";
    private static final Pattern RUN_ARGUMENTS = Pattern.compile("-Dspring-boot\\.run\\.arguments=\"([^\"]*)\"");
    private static final Pattern RUN_PROFILES = Pattern.compile("-Dspring-boot\\.run\\.profiles=(\\S+)");
    private static final Pattern ENGINE_ENDPOINT = Pattern.compile("DynamoDB wire server listening on (http://\\S+)");
    /**
     * The course's commands run by default; {@code -Dsingletable.course=false} leaves them out (they are about 140 AWS
     * CLI calls: with the CLI started once by {@link WarmAwsCli}, about half a minute on two cores).
     */
    private static final boolean COURSE = Boolean.parseBoolean(System.getProperty("singletable.course", "true"));

    private static final String ACCESS_START = "Turning it on";
    private static final String ACCESS_PRINCIPALS = "docs/access-control-principals.json";
    private static final String DOCUMENTED_ACCESS_ENGINE = "http://127.0.0.1:8001";

    private final Readme readme = Readme.read(Path.of("README.md"));
    private final Readme course = Readme.read(Course.DIRECTORY.resolve("README.md"));
    private final Readme accessControl = Readme.read(Path.of("docs/access-control.md"));
    private final List<AutoCloseable> running = new ArrayList<>();
    private Path serviceDirectory;
    private Path demoDirectory;
    private ChildProcess service;
    private ChildProcess demo;
    private ChildProcess courseEngine;
    private ChildProcess accessEngine;
    private Optional<WarmAwsCli> awsCli = Optional.empty();

    @BeforeAll
    void startTheServiceTwiceAsTheReadmeDoes() throws IOException {
        assumeTrue(onPath("bash") && onPath("curl") && onPath("jq"), "the README's flows need bash, curl and jq");
        awsCli = WarmAwsCli.start(List.of("dynamodb", "dynamodbstreams"));
        awsCli.ifPresent(running::add);
        serviceDirectory = Files.createTempDirectory("readme-service-");
        List<String> mavenRun = new ArrayList<>(
                mavenRunAsJar(readme.section("The main flows with curl").block(0)));
        mavenRun.add("--singletable.engine.port=0");
        service = start("readme-service", mavenRun, serviceDirectory);
        // the course's demo start is the README's plus settings of its own (checked here), so one process serves both
        Readme.Command readmeDemo =
                jarCommand(readme.section("A living app at once").block(0));
        Readme.Command courseDemo = jarCommand(course.section(Course.START).block(0));
        assertThat(courseDemo.text())
                .as("the course starts the demo as the README does")
                .startsWith(readmeDemo.text());
        demoDirectory = Files.createTempDirectory("readme-demo-");
        demo = start("readme-demo", SingletableJar.documentedArguments(courseDemo), demoDirectory);
        // docs/access-control.md's engine with its principals file, started as the page starts it
        Readme.Command accessOnly =
                jarCommand(accessControl.section(ACCESS_START).block(0));
        accessEngine = SingletableJar.command(
                        "access-control-engine",
                        SingletableJar.documentedArguments(accessOnly.replace(
                                ACCESS_PRINCIPALS,
                                Path.of(ACCESS_PRINCIPALS).toAbsolutePath().toString())))
                .directory(Files.createTempDirectory("access-control-engine-"))
                .start();
        running.add(accessEngine);
        if (!COURSE) {
            return;
        }
        // stage 9's engine with a principals file: the one process the course adds
        Readme.Command engineOnly =
                jarCommand(Course.page("09-").section(Course.SET_UP).block(0));
        courseEngine = SingletableJar.command(
                        "course-engine",
                        SingletableJar.documentedArguments(engineOnly.replace(
                                Course.DOCUMENTED_DIRECTORY, Course.DIRECTORY.toAbsolutePath() + "/")))
                .directory(Files.createTempDirectory("course-engine-"))
                .start();
        running.add(courseEngine);
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (AutoCloseable process : running) {
            process.close();
        }
    }

    @Test
    @Order(1)
    void theMainFlowsAnswerAsDocumented() {
        Readme.Section flows = readme.section("The main flows with curl");
        try (ShellSession shell = session("readme-main-flows", serviceDirectory)) {
            new DocumentedCommands(shell)
                    .rewrite(
                            DOCUMENTED_SERVICE,
                            "localhost:" + SingletableJar.awaitService(service).getPort())
                    .run(flows.blocks().subList(1, flows.blocks().size()).stream()
                            .flatMap(List::stream)
                            .toList());
        }
    }

    @Test
    @Order(2)
    void theDemoProfileAnswersAsDocumented() {
        try (ShellSession shell = session("readme-demo-flows", serviceDirectory)) {
            new DocumentedCommands(shell)
                    .rewrite(
                            DOCUMENTED_SERVICE,
                            "localhost:" + SingletableJar.awaitService(demo).getPort())
                    .run(readme.section("A living app at once").block(1));
        }
    }

    /** The AWS CLI looks into the service's data with the port's generated key, as the README shows. */
    @Test
    @Order(3)
    void theEnginePortAnswersTheAwsCliAsDocumented() {
        assumeTrue(onPath("aws"), "the AWS CLI is not installed");
        try (ShellSession shell = session("readme-engine-port", serviceDirectory)) {
            new DocumentedCommands(shell)
                    .rewrite(DOCUMENTED_ENGINE, engineEndpoint(service).toString())
                    .run(readme.section("The engine's DynamoDB port").block(0));
        }
    }

    /** The service's engine port from outside: no answer without a signature, and none for another origin. */
    @Test
    @Order(4)
    void theServicesEnginePortRefusesUnsignedRequestsAndOtherOrigins() {
        URI engine = engineEndpoint(service);
        RawHttp1.Response unsigned = RawHttp1.listTables(engine, engine.getAuthority());
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.body())
                .contains("MissingAuthenticationTokenException")
                .doesNotContain("singletable");
        RawHttp1.Response evil = RawHttp1.listTables(engine, engine.getAuthority(), "Origin: https://evil.example");
        assertThat(evil.status()).isEqualTo(403);
        assertThat(evil.headers()).doesNotContainKey("access-control-allow-origin");
        assertThat(RawHttp1.preflight(engine, "https://evil.example").status()).isEqualTo(403);
        assertThat(RawHttp1.listTables(engine, "evil.example:" + engine.getPort())
                        .status())
                .isEqualTo(403);
    }

    /** The course's start page: the demo process it starts answers its first commands as documented. */
    @Test
    @Order(6)
    void theCourseStartsAsDocumented() {
        assumeTrue(COURSE, "-Dsingletable.course=false leaves the course out");
        assumeTrue(onPath("aws"), "the AWS CLI is not installed");
        try (ShellSession shell = session("course-start", demoDirectory)) {
            courseCommands(shell).run(course.section(Course.START).block(1));
        }
    }

    /**
     * Every command of every stage of the course (docs/course), run in a fresh bash per page against the demo process
     * (and stage 9's engine), in the page's order: set up, try it, break it; then the exercise's check, which must
     * answer "FAIL"; the solution; the check again, which must answer as documented ("PASS"); and the clean-up.
     * The pages are independent of each other (each its own tables and users' state), so two run at a time: most of
     * their time is the AWS CLI starting a Python per command, which two cores do twice as fast in parallel.
     */
    @TestFactory
    @Order(7)
    Stream<DynamicTest> theCourseAnswersAsDocumented() {
        assumeTrue(COURSE, "-Dsingletable.course=false leaves the course out");
        assumeTrue(onPath("aws"), "the AWS CLI is not installed");
        ExecutorService pages = Executors.newFixedThreadPool(2);
        running.add(pages::shutdownNow);
        List<Path> stages = Course.stages().toList();
        Map<Path, Future<?>> runs = new LinkedHashMap<>();
        for (Path page : stages) {
            runs.put(page, pages.submit(() -> runCoursePage(page)));
        }
        return stages.stream()
                .map(page -> DynamicTest.dynamicTest(page.getFileName().toString(), () -> {
                    try {
                        runs.get(page).get(10, TimeUnit.MINUTES);
                    } catch (ExecutionException e) {
                        throw e.getCause();
                    }
                }));
    }

    /**
     * docs/access-control.md: every command of the page, in order — the profiles and the table, then each pattern's
     * walk-through with its Allow and Deny answers (AWS CLI errors written out in full are compared in full) — against
     * one engine started with the page's principals file. The CLI's profiles go to files of the test's own, not the
     * user's {@code ~/.aws}.
     */
    @Test
    @Order(8)
    void theAccessControlWalkThroughsAnswerAsDocumented() throws IOException {
        assumeTrue(onPath("aws"), "the AWS CLI is not installed");
        Path directory = Files.createTempDirectory("access-control-cli-");
        try (ShellSession shell = ShellSession.start("access-control", directory)) {
            awsCli.ifPresent(shell::using);
            shell.run(
                    "export AWS_CONFIG_FILE=" + directory.resolve("config") + " AWS_SHARED_CREDENTIALS_FILE="
                            + directory.resolve("credentials"),
                    Duration.ofSeconds(10));
            List<Readme.Command> commands = accessControl.sections().stream()
                    .flatMap(section -> section.commands().stream())
                    .filter(command -> !command.startsWith("java -jar"))
                    .toList();
            assertThat(commands).as("the page's walk-throughs").hasSizeGreaterThan(30);
            new DocumentedCommands(shell)
                    .rewrite(
                            DOCUMENTED_ACCESS_ENGINE,
                            SingletableJar.awaitEngine(accessEngine).toString())
                    .run(commands);
        }
    }

    private void runCoursePage(Path page) {
        Readme stage = Readme.read(page);
        try (ShellSession shell = ShellSession.start("course-" + page.getFileName(), demoDirectory)) {
            awsCli.ifPresent(shell::using);
            DocumentedCommands commands = courseCommands(shell);
            commands.run(
                    Course.withoutProcessStarts(stage.section(Course.SET_UP).commands()));
            commands.run(stage.section(Course.TRY_IT).commands());
            commands.run(stage.section(Course.BREAK_IT).commands());
            List<Readme.Command> check = stage.section(Course.EXERCISE).commands();
            commands.run(check.stream()
                    .map(c -> new Readme.Command(c.text(), "\"FAIL\" before the solution"))
                    .toList());
            commands.run(stage.section(Course.SOLUTION).commands());
            commands.run(check);
            commands.run(stage.section(Course.CLEAN_UP).commands());
        }
    }

    private DocumentedCommands courseCommands(ShellSession shell) {
        return new DocumentedCommands(shell)
                .rewrite(
                        DOCUMENTED_SERVICE,
                        "localhost:" + SingletableJar.awaitService(demo).getPort())
                .rewrite(DOCUMENTED_ENGINE, engineEndpoint(demo).toString())
                .rewrite(
                        Course.DOCUMENTED_ACCESS_ENGINE,
                        SingletableJar.awaitEngine(courseEngine).toString())
                .rewrite(Course.DOCUMENTED_DIRECTORY, Course.DIRECTORY.toAbsolutePath() + "/");
    }

    /**
     * {@code ./mvnw spring-boot:run} starts the main class the jar starts, without arguments, profiles or JVM options
     * of its own: the plugin is configured nowhere but in the POM's build plugins, with no {@code configuration}
     * beyond its goals, and {@code SingletableApplication} is the only class with a {@code main} method (the plugin
     * picks its main class the way the jar's {@code Start-Class} was picked).
     */
    @Test
    @Order(5)
    void springBootRunStartsTheSameApplicationAsTheJar() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
        XPath xpath = XPathFactory.newInstance().newXPath();
        NodeList bootPlugins = (NodeList)
                xpath.evaluate("//plugin[artifactId='spring-boot-maven-plugin']", pom, XPathConstants.NODESET);
        assertThat(bootPlugins.getLength()).isEqualTo(1);
        assertThat((Double) xpath.evaluate(
                        "count(//plugin[artifactId='spring-boot-maven-plugin']/configuration)",
                        pom,
                        XPathConstants.NUMBER))
                .as("spring-boot-maven-plugin has no configuration of its own")
                .isZero();
        assertThat(xpath.evaluate("/project/properties/start-class", pom)).isEmpty();

        try (JarFile jar = new JarFile(SingletableJar.path().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo(SingletableApplication.class.getName());
        }
        assertThat(classesWithMain()).containsExactly(SingletableApplication.class.getName());
    }

    private ChildProcess start(String name, List<String> arguments, Path directory) {
        List<String> withPorts = new ArrayList<>(arguments);
        // the documented port 8080 may be taken on a machine that runs several builds: any free one
        withPorts.add("--server.port=0");
        ChildProcess process =
                SingletableJar.command(name, withPorts).directory(directory).start();
        running.add(process);
        return process;
    }

    private ShellSession session(String name, Path directory) {
        ShellSession shell = ShellSession.start(name, directory);
        running.add(shell);
        awsCli.ifPresent(shell::using);
        return shell;
    }

    /** The block's {@code ./mvnw spring-boot:run …} as the arguments the plugin hands to the main class. */
    private static List<String> mavenRunAsJar(List<Readme.Command> block) {
        Readme.Command run = block.stream()
                .filter(c -> c.startsWith("./mvnw spring-boot:run"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ./mvnw spring-boot:run in " + block));
        List<String> arguments = new ArrayList<>();
        Matcher given = RUN_ARGUMENTS.matcher(run.text());
        if (given.find()) {
            arguments.addAll(List.of(given.group(1).trim().split("\\s+")));
        }
        Matcher profiles = RUN_PROFILES.matcher(run.text());
        if (profiles.find()) {
            arguments.add("--spring.profiles.active=" + profiles.group(1));
        }
        return arguments;
    }

    /** The block's {@code java -jar target/singletable.jar …} command. */
    private static Readme.Command jarCommand(List<Readme.Command> block) {
        return block.stream()
                .filter(c -> c.startsWith("java -jar target/singletable.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no java -jar target/singletable.jar in " + block));
    }

    private static URI engineEndpoint(ChildProcess service) {
        SingletableJar.awaitService(service);
        return URI.create(service.awaitOutput(ENGINE_ENDPOINT, SingletableJar.START_TIMEOUT)
                .group(1));
    }

    private static List<String> classesWithMain() throws Exception {
        Path classes = Path.of("target", "classes");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file)
                        .toString()
                        .replace(File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                if (name.contains("$") || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, ReadmeCommandsIT.class.getClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    if (method.getName().equals("main")
                            && Modifier.isStatic(method.getModifiers())
                            && Modifier.isPublic(method.getModifiers())
                            && method.getParameterCount() == 1
                            && method.getParameterTypes()[0] == String[].class) {
                        found.add(name);
                    }
                }
            }
        }
        return found;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> new File(dir, command).canExecute());
    }
}
