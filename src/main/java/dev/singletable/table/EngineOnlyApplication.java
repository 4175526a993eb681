package dev.singletable.table;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The standalone engine server: only the engine and its wire port, no web application and no service beans. Started by
 * {@code java -jar singletable.jar --engine-only} ({@code dev.singletable.launch.StandaloneEngine}); DynamoDB Local's
 * flags and Spring's usual overrides apply ({@code -port N} or {@code --singletable.engine.port=…},
 * {@code -dbPath DIR} or {@code --singletable.engine.data-dir=…}, {@code --singletable.engine.bind-address=…}).
 * Its defaults where they differ from the service's are in {@code engine-only.properties}, below application.yml,
 * the environment and the command line.
 *
 * <p>Deliberately not a {@code @Configuration}: the service's component scan covers this package and must not pick
 * up the standalone engine's defaults and checks.
 */
@Import(EngineConfiguration.class)
@PropertySource("classpath:dev/singletable/table/engine-only.properties")
public class EngineOnlyApplication {

    /** A standalone engine without its port would run and serve nobody. */
    @Bean
    InitializingBean standaloneEngineHasAPort(EngineProperties engine) {
        return () -> {
            if (engine.port() < 0) {
                throw new EngineStartupException("the standalone engine needs a port, but singletable.engine.port is "
                        + engine.port() + " (-port N)",
                        "Give a port from 0 to 65535 (0 picks a free one); -1 turns the port off only in the service.",
                        null);
            }
        };
    }
}
