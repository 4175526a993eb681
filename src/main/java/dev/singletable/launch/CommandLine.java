package dev.singletable.launch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the command line asks for, decided before anything starts: the service, the standalone engine
 * ({@code --engine-only}, which also takes DynamoDB Local's flags), the usage text or the version. Spring Boot's own
 * {@code --name=value} arguments pass through untouched; anything else is an error shown with the usage text, never
 * silently ignored.
 *
 * @param mode            what to run
 * @param springArguments the arguments for Spring Boot, DynamoDB Local's flags translated into properties
 * @param error           what is wrong with the command line ({@link Mode#INVALID} only)
 */
public record CommandLine(
        Mode mode, List<String> springArguments, @Nullable String error) {

    public enum Mode {
        SERVICE,
        ENGINE,
        HELP,
        VERSION,
        INVALID
    }

    static final String ENGINE_ONLY = "--engine-only";
    private static final Set<String> HELP = Set.of("--help", "-help", "-h");
    private static final Set<String> VERSION = Set.of("--version", "-version");
    /** The standalone engine is always the embedded engine, whatever the environment says about the service's store. */
    static final String STORAGE_MODE = "singletable.storage.mode";

    public CommandLine {
        springArguments = List.copyOf(springArguments);
    }

    public static CommandLine parse(String... args) {
        List<String> arguments = List.of(args);
        if (arguments.stream().anyMatch(HELP::contains)) {
            return new CommandLine(Mode.HELP, List.of(), null);
        }
        if (arguments.stream().anyMatch(VERSION::contains)) {
            return new CommandLine(Mode.VERSION, List.of(), null);
        }
        boolean engine = arguments.contains(ENGINE_ONLY);
        List<String> spring = new ArrayList<>();
        Map<DynamoDbLocalFlag, String> flags = new EnumMap<>(DynamoDbLocalFlag.class);
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            if (argument.equals(ENGINE_ONLY)) {
                continue;
            }
            if (argument.startsWith("--") && argument.length() > 2) {
                spring.add(argument);
                continue;
            }
            if (!argument.startsWith("-")) {
                return invalid("unexpected argument '" + argument + "' (Spring properties are written --name=value)");
            }
            Optional<DynamoDbLocalFlag> known = DynamoDbLocalFlag.named(argument);
            if (known.isEmpty()) {
                return invalid("unknown flag " + argument);
            }
            DynamoDbLocalFlag flag = known.get();
            if (!engine) {
                return invalid(argument + " is a flag of the standalone engine: add --engine-only (the service's own "
                        + "port is --server.port=N, its engine's --singletable.engine.port=N)");
            }
            if (flags.containsKey(flag)) {
                return invalid(argument + " is given twice");
            }
            String value = "";
            if (flag.takesValue()) {
                if (i + 1 >= args.length || args[i + 1].startsWith("-") && !args[i + 1].equals("-")) {
                    return invalid(argument + " needs a value: " + argument + " " + flag.argument());
                }
                value = args[++i];
            }
            flags.put(flag, value);
        }
        if (!engine) {
            return new CommandLine(Mode.SERVICE, spring, null);
        }
        return engineArguments(spring, flags);
    }

    private static CommandLine engineArguments(List<String> spring, Map<DynamoDbLocalFlag, String> flags) {
        if (flags.containsKey(DynamoDbLocalFlag.IN_MEMORY) && flags.containsKey(DynamoDbLocalFlag.DB_PATH)) {
            return invalid("-inMemory and -dbPath contradict each other: give one of them");
        }
        if (flags.containsKey(DynamoDbLocalFlag.OPTIMIZE_DB_BEFORE_STARTUP)
                && !flags.containsKey(DynamoDbLocalFlag.DB_PATH)) {
            return invalid("-optimizeDbBeforeStartup needs -dbPath, as in DynamoDB Local");
        }
        String port = flags.get(DynamoDbLocalFlag.PORT);
        if (port != null && !isPort(port)) {
            return invalid("-port needs a number from 0 to 65535 (0: any free port), not '" + port + "'");
        }
        if (flags.containsKey(DynamoDbLocalFlag.CORS)
                && flags.get(DynamoDbLocalFlag.CORS).isBlank()) {
            return invalid("-cors needs at least one origin (or * for any)");
        }
        List<String> result = new ArrayList<>();
        for (String argument : spring) {
            String name = propertyName(argument);
            if (name.equals(STORAGE_MODE)) {
                return invalid("--engine-only always runs the bundled engine: " + STORAGE_MODE + " is the service's");
            }
            for (DynamoDbLocalFlag flag : flags.keySet()) {
                if (name.equals(flag.property())) {
                    return invalid(flag.flag() + " and --" + name + " set the same thing: give one of them");
                }
            }
        }
        result.add("--" + STORAGE_MODE + "=embedded");
        flags.forEach((flag, value) -> {
            if (flag.property() != null) {
                result.add("--" + flag.property() + "=" + (flag.takesValue() ? value : "true"));
            }
        });
        result.addAll(spring);
        return new CommandLine(Mode.ENGINE, result, null);
    }

    /**
     * Prints what a command line that starts nothing asks for: the usage text or the version on standard output
     * (status 0), or the error and the usage text on standard error (status 2, a usage error as in most tools).
     */
    public int answer(PrintStream out, PrintStream err) {
        switch (mode) {
            case HELP -> out.print(Usage.text());
            case VERSION -> out.println(Version.text());
            case INVALID -> {
                err.println("singletable: " + error);
                err.println();
                err.print(Usage.text());
                return 2;
            }
            default -> throw new IllegalStateException(mode + " starts something");
        }
        return 0;
    }

    private static boolean isPort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 0 && port <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code --a.b=c} is {@code a.b}; {@code --flag} is {@code flag}. */
    private static String propertyName(String argument) {
        int equals = argument.indexOf('=');
        return equals < 0 ? argument.substring(2) : argument.substring(2, equals);
    }

    private static CommandLine invalid(String error) {
        return new CommandLine(Mode.INVALID, List.of(), error);
    }
}
