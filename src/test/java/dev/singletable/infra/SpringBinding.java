package dev.singletable.infra;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Binds settings written for a container (environment variables, command-line arguments) to the service's
 * configuration classes with Spring Boot's own rules, so a misspelt variable shows up as a default value in a test.
 */
final class SpringBinding {

    private SpringBinding() {}

    static <T> T fromEnvironment(Map<String, Object> variables, String prefix, Class<T> type) {
        // Boot applies its environment-variable name mapping only to a source with this name
        PropertySource<?> source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate(prefix, type);
    }

    static <T> T fromCommandLine(List<String> arguments, String prefix, Class<T> type) {
        PropertySource<?> source = new SimpleCommandLinePropertySource(arguments.toArray(String[]::new));
        return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate(prefix, type);
    }
}
