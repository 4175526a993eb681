package dev.singletable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IDE metadata the configuration processor generates at compile time (what completion and hover show for
 * application.yml): every {@code singletable.*} property has a description, the ones with a default say it, and every
 * {@code @ConfigurationProperties} class of the service is in it.
 */
class ConfigurationMetadataTest {

    private final Map<String, JsonNode> properties = properties();

    @Test
    void everySingletablePropertyHasADescription() {
        assertThat(properties).hasSizeGreaterThan(25);
        List<String> undescribed = new ArrayList<>();
        properties.forEach((name, property) -> {
            if (!property.hasNonNull("description")
                    || property.get("description").asString().isBlank()) {
                undescribed.add(name);
            }
        });
        assertThat(undescribed)
                .as("singletable.* properties without a description")
                .isEmpty();
    }

    @Test
    void defaultsAreThoseTheServiceRunsWith() {
        assertThat(defaultOf("singletable.sessions.ttl")).isEqualTo("24h");
        assertThat(defaultOf("singletable.orders.status-shards")).isEqualTo("4");
        assertThat(defaultOf("singletable.table.name")).isEqualTo("singletable");
        assertThat(defaultOf("singletable.engine.port")).isEqualTo("8000");
        assertThat(defaultOf("singletable.engine.throttling.enabled")).isEqualTo("true");
        assertThat(defaultOf("singletable.streams.enabled")).isEqualTo("true");
        assertThat(defaultOf("singletable.metrics.scrape.username")).isEqualTo("prometheus");
        assertThat(defaultOf("singletable.storage.mode")).isEqualTo("embedded");
    }

    @Test
    void everyConfigurationPropertiesClassIsDescribed() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> prefixes = scanner.findCandidateComponents("dev.singletable").stream()
                .map(candidate -> (String) Objects.requireNonNull(
                                ((org.springframework.beans.factory.annotation.AnnotatedBeanDefinition) candidate)
                                        .getMetadata()
                                        .getAnnotationAttributes(ConfigurationProperties.class.getName()))
                        .get("value"))
                .toList();
        assertThat(prefixes).contains("singletable.sessions", "singletable.engine", "singletable.metrics.scrape");
        for (String prefix : prefixes) {
            assertThat(properties.keySet()).as(prefix).anyMatch(name -> name.startsWith(prefix + "."));
        }
    }

    private String defaultOf(String name) {
        assertThat(properties).containsKey(name);
        JsonNode value = properties.get(name).get("defaultValue");
        assertThat(value).as("default of %s", name).isNotNull();
        return value.isArray() ? value.toString() : value.asString();
    }

    private static Map<String, JsonNode> properties() {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        try (InputStream in =
                ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's output").isNotNull();
            for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
                String name = property.get("name").asString();
                if (name.startsWith("singletable.")) {
                    found.put(name, property);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return found;
    }
}
