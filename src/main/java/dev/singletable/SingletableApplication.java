package dev.singletable;

import dev.singletable.launch.CommandLine;
import dev.singletable.launch.StandaloneEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The jar's one entry point: the service, or with {@code --engine-only} the bundled engine alone; {@code --help} and
 * {@code --version} start nothing ({@link CommandLine}).
 */
@SpringBootApplication
public class SingletableApplication {

    public static void main(String[] args) {
        CommandLine command = CommandLine.parse(args);
        switch (command.mode()) {
            case SERVICE ->
                SpringApplication.run(
                        SingletableApplication.class, command.springArguments().toArray(String[]::new));
            case ENGINE -> StandaloneEngine.run(command.springArguments());
            default -> System.exit(command.answer(System.out, System.err));
        }
    }
}
