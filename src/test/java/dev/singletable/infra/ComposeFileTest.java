package dev.singletable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import dev.singletable.table.EngineProperties;
import dev.singletable.table.StorageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * No Docker engine runs here, so {@code docker-compose.yml} is checked without one: against the Compose
 * Specification's JSON schema, and for what the schema cannot know — that its settings reach the service's real
 * configuration properties and that ports and health checks point at what the application serves.
 */
class ComposeFileTest {

    static final Path COMPOSE = Path.of("docker-compose.yml");
    static final String SCHEMA = "compose/compose-spec.schema.json";
    static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final JsonNode compose = read(COMPOSE);
    private final JsonNode application = read(Path.of("src/main/resources/application.yml"));

    @Test
    void conformsToTheComposeSpecification() {
        assertThat(composeSchema().validate(compose)).isEmpty();
    }

    @Test
    void theSchemaCheckIsNotVacuous() {
        ObjectNode broken = (ObjectNode) compose.deepCopy();
        ((ObjectNode) broken.path("services").path("engine")).put("ports", 8000); // must be a list
        ((ObjectNode) broken.path("services").path("app")).put("restart_policy", "no"); // no such key
        List<Error> errors = composeSchema().validate(broken);
        assertThat(errors)
                .extracting(Error::getInstanceLocation)
                .extracting(Object::toString)
                .anySatisfy(location -> assertThat(location).contains("engine").contains("ports"))
                .anySatisfy(location -> assertThat(location).contains("app"));
    }

    @Test
    void engineServesTheWireProtocolOnAllInterfacesAndKeepsItsDataOnANamedVolume() {
        JsonNode engine = service("engine");
        List<String> command = strings(engine.path("command"));
        assertThat(command).startsWith("--engine-only");
        EngineProperties settings =
                SpringBinding.fromCommandLine(command, "singletable.engine", EngineProperties.class);
        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.inMemory()).isFalse();
        assertThat(publishedContainerPorts(engine)).containsExactly(settings.port());

        String volume = volumeMountedAt(engine, settings.dataDir().toString());
        assertThat(compose.path("volumes").has(volume))
                .as("named volume %s is declared", volume)
                .isTrue();

        URI health = healthCheckUrl(engine);
        assertThat(health.getPort()).isEqualTo(settings.port());
        assertThat(health.getPath()).isEqualTo("/");
    }

    @Test
    void serviceStoresThroughTheEngineInEndpointMode() {
        JsonNode app = service("app");
        StorageProperties storage = bindEnvironment(app, "singletable.storage", StorageProperties.class);
        assertThat(storage.mode()).isEqualTo(StorageProperties.Mode.ENDPOINT);
        assertThat(storage.endpoint().getHost()).isEqualTo("engine");
        assertThat(storage.endpoint().getPort())
                .isEqualTo(publishedContainerPorts(service("engine")).get(0));
        assertThat(app.path("depends_on").path("engine").path("condition").asString())
                .isEqualTo("service_healthy");
        assertServesHttpWithHealth(app);
    }

    @Test
    void localstackProfileRunsTheServiceAgainstAPinnedLocalStack() {
        JsonNode localstack = service("localstack");
        JsonNode app = service("app-localstack");
        assertThat(strings(localstack.path("profiles"))).containsExactly("localstack");
        assertThat(strings(app.path("profiles"))).containsExactly("localstack");
        // "latest" is LocalStack's unified image since March 2026 and refuses to start without an auth token
        assertThat(localstack.path("image").asString()).matches("localstack/localstack:4\\.\\d+(\\.\\d+)?");

        StorageProperties storage = bindEnvironment(app, "singletable.storage", StorageProperties.class);
        assertThat(storage.mode()).isEqualTo(StorageProperties.Mode.ENDPOINT);
        assertThat(storage.endpoint()).isEqualTo(URI.create("http://localstack:4566"));
        assertThat(storage.accessKey()).isEqualTo("test");
        assertThat(storage.secretKey()).isEqualTo("test");
        assertThat(app.path("depends_on").path("localstack").path("condition").asString())
                .isEqualTo("service_healthy");
        assertServesHttpWithHealth(app);
    }

    @Test
    void portsArePublishedOnTheHostsLoopbackOnly() {
        // the engine and LocalStack accept any credentials: nothing of the stack is offered to the network
        compose.path("services").properties().forEach(service -> service.getValue()
                .path("ports")
                .forEach(
                        port -> assertThat(port.asString()).as(service.getKey()).startsWith("127.0.0.1:")));
    }

    @Test
    void theDefaultStackNeedsNoProfile() {
        assertThat(service("engine").has("profiles")).isFalse();
        assertThat(service("app").has("profiles")).isFalse();
    }

    @Test
    void everyServiceBuiltHereUsesTheOneImageOfTheDockerfile() {
        for (String name : List.of("engine", "app", "app-localstack")) {
            JsonNode service = service(name);
            assertThat(service.path("build").asString()).as(name).isEqualTo(".");
            assertThat(service.path("image").asString()).as(name).isEqualTo("singletable:local");
        }
        assertThat(Path.of("Dockerfile")).isRegularFile();
    }

    /** The published container port is the service's server.port, and the health endpoint is exposed there. */
    private void assertServesHttpWithHealth(JsonNode service) {
        int serverPort = application.path("server").path("port").asInt();
        assertThat(publishedContainerPorts(service)).containsExactly(serverPort);
        URI health = healthCheckUrl(service);
        assertThat(health.getPort()).isEqualTo(serverPort);
        assertThat(health.getPath()).isEqualTo("/actuator/health");
        assertThat(application
                        .path("management")
                        .path("endpoints")
                        .path("web")
                        .path("exposure")
                        .path("include")
                        .asString())
                .contains("health");
    }

    private JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isObject()).as("service %s exists", name).isTrue();
        return service;
    }

    /** Binds the service's environment the way Spring Boot binds real environment variables. */
    private static <T> T bindEnvironment(JsonNode service, String prefix, Class<T> type) {
        Map<String, Object> variables = new LinkedHashMap<>();
        JsonNode environment = service.path("environment");
        if (environment.isArray()) {
            environment.forEach(entry -> {
                String[] pair = entry.asString().split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        } else {
            environment
                    .properties()
                    .forEach(e -> variables.put(e.getKey(), e.getValue().asString()));
        }
        return SpringBinding.fromEnvironment(variables, prefix, type);
    }

    /** Container ports of the short syntax "host:container". */
    private static List<Integer> publishedContainerPorts(JsonNode service) {
        return StreamSupport.stream(service.path("ports").spliterator(), false)
                .map(port -> {
                    String[] parts = port.asString().split(":");
                    return Integer.parseInt(parts[parts.length - 1].replace("/tcp", ""));
                })
                .toList();
    }

    private static String volumeMountedAt(JsonNode service, String target) {
        return StreamSupport.stream(service.path("volumes").spliterator(), false)
                .map(JsonNode::asString)
                .filter(v -> v.endsWith(":" + target))
                .map(v -> v.substring(0, v.indexOf(':')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + target));
    }

    private static URI healthCheckUrl(JsonNode service) {
        List<String> test = strings(service.path("healthcheck").path("test"));
        assertThat(test).first().isEqualTo("CMD");
        assertThat(test).element(1).isEqualTo("curl");
        return URI.create(test.get(test.size() - 1));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }

    /**
     * Loaded by location, not as a bare stream: the schema's {@code $id} is relative ("compose_spec.json") and needs a
     * base to resolve against.
     */
    static Schema composeSchema() {
        assertThat(ComposeFileTest.class.getResource("/" + SCHEMA))
                .as("vendored compose schema")
                .isNotNull();
        // "deprecated" is a later draft's annotation the compose schema uses; known, it is not logged as unknown
        Dialect draft7 = Dialect.builder(Dialects.getDraft7())
                .keyword(new AnnotationKeyword("deprecated"))
                .build();
        return SchemaRegistry.withDefaultDialect(draft7).getSchema(SchemaLocation.of("classpath:" + SCHEMA));
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
