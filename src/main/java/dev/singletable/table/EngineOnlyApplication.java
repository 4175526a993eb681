package dev.singletable.table;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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

    /**
     * The registry the engine's meters go to and {@code GET /metrics} on the port serves (docs/operations.md, "The
     * standalone engine's metrics"), with the JVM and process meters Prometheus users expect of any Java process.
     * There is no Spring Boot auto-configuration here (no web application, no actuator), hence made by hand.
     */
    @Bean(destroyMethod = "close")
    PrometheusMeterRegistry engineMeterRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return registry;
    }

    /** Garbage collections: a binder that listens until the registry closes. */
    @Bean(destroyMethod = "close")
    JvmGcMetrics engineGcMetrics(PrometheusMeterRegistry registry) {
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return gc;
    }

    /** A standalone engine without its port would run and serve nobody. */
    @Bean
    InitializingBean standaloneEngineHasAPort(EngineProperties engine) {
        return () -> {
            if (engine.port() < 0) {
                throw new EngineStartupException(
                        "the standalone engine needs a port, but singletable.engine.port is " + engine.port()
                                + " (-port N)",
                        "Give a port from 0 to 65535 (0 picks a free one); -1 turns the port off only in the service.",
                        null);
            }
        };
    }
}
