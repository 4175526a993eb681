package dev.singletable.config;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The standalone engine server: only the engine and its wire port, no web application and no service beans. Started by
 * {@code java -jar singletable.jar --engine-only}; Spring's usual overrides apply
 * ({@code --singletable.engine.port=…}, {@code --singletable.engine.data-dir=…}, {@code --singletable.engine.bind-address=…}).
 */
@SpringBootConfiguration
@Import(EngineConfiguration.class)
public class EngineOnlyApplication {
}
