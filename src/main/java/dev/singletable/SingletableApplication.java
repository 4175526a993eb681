package dev.singletable;

import dev.singletable.config.EngineOnlyApplication;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class SingletableApplication {

    static final String ENGINE_ONLY = "--engine-only";

    public static void main(String[] args) {
        if (Arrays.asList(args).contains(ENGINE_ONLY)) {
            new SpringApplicationBuilder(EngineOnlyApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(Arrays.stream(args).filter(a -> !a.equals(ENGINE_ONLY)).toArray(String[]::new));
            return;
        }
        SpringApplication.run(SingletableApplication.class, args);
    }
}
