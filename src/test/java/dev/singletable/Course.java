package dev.singletable;

import dev.singletable.process.Readme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The course in {@code docs/course}: its stage pages ({@code NN-….md}) and the sections every stage page has, in the
 * order a learner meets them. Commands live only in these sections, so the tests that run them miss none.
 */
final class Course {

    static final Path DIRECTORY = Path.of("docs", "course");
    /** How the pages name files of the course (stage 9's principals file): rewritten to where the test finds them. */
    static final String DOCUMENTED_DIRECTORY = "docs/course/";
    /** Stage 9's engine with a principals file, as the page starts it. */
    static final String DOCUMENTED_ACCESS_ENGINE = "http://127.0.0.1:8001";

    static final String START = "Start the demo";
    static final String SET_UP = "Set up";
    static final String TRY_IT = "Try it";
    static final String BREAK_IT = "Break it";
    static final String EXERCISE = "Exercise";
    static final String SOLUTION = "Solution";
    static final String CLEAN_UP = "Clean up";
    static final List<String> STAGE_SECTIONS = List.of(SET_UP, TRY_IT, BREAK_IT, EXERCISE, SOLUTION, CLEAN_UP);

    private static final String PROCESS_START = "java -jar target/singletable.jar";

    private Course() {}

    /** The stage pages, in stage order. */
    static Stream<Path> stages() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d-.*\\.md")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Readme page(String prefix) {
        return Readme.read(stages().filter(p -> p.getFileName().toString().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no course page " + prefix + "…")));
    }

    /** The commands without the {@code java -jar …} that start processes: the test starts those itself. */
    static List<Readme.Command> withoutProcessStarts(List<Readme.Command> commands) {
        return commands.stream().filter(c -> !c.startsWith(PROCESS_START)).toList();
    }
}
