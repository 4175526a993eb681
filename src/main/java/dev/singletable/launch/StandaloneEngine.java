package dev.singletable.launch;

import dev.singletable.config.EngineOnlyApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code java -jar singletable.jar --engine-only}: the engine and its DynamoDB port as a process of their own, the way
 * DynamoDB Local runs. Every thread the engine starts is a daemon (an embedded engine must never keep its host's JVM
 * alive), so this process keeps itself alive ({@link SpringApplication#setKeepAlive}) until the context is closed.
 */
public final class StandaloneEngine {

    private StandaloneEngine() {
    }

    /** Starts the engine and returns; the process then serves until SIGTERM or Ctrl-C. */
    public static void run(String... springArguments) {
        SpringApplication application = new SpringApplicationBuilder(EngineOnlyApplication.class)
                .web(WebApplicationType.NONE)
                .build();
        application.setKeepAlive(true);
        ExitOnSignal.install();
        application.run(springArguments);
    }
}
