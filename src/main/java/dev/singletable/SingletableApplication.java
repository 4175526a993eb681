package dev.singletable;

import dev.singletable.launch.StandaloneEngine;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SingletableApplication {

    static final String ENGINE_ONLY = "--engine-only";

    public static void main(String[] args) {
        if (Arrays.asList(args).contains(ENGINE_ONLY)) {
            StandaloneEngine.run(Arrays.stream(args).filter(a -> !a.equals(ENGINE_ONLY)).toArray(String[]::new));
            return;
        }
        SpringApplication.run(SingletableApplication.class, args);
    }
}
