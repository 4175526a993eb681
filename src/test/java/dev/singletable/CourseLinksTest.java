package dev.singletable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.process.Readme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The course (docs/course) stays true to the code without starting anything: every relative link resolves to a file
 * of this repository, and every command sits in a section that {@code ReadmeCommandsIT} runs, so none goes untested.
 */
class CourseLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkOfTheCourseResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> pages = Files.list(Course.DIRECTORY)) {
            for (Path page :
                    pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher link = LINK.matcher(Files.readString(page));
                while (link.find()) {
                    String target = link.group(1);
                    if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")) {
                        continue;
                    }
                    Path file = page.getParent()
                            .resolve(target.replaceFirst("#.*$", ""))
                            .normalize();
                    if (!Files.exists(file)) {
                        broken.add(page.getFileName() + " → " + target);
                    }
                }
            }
        }
        assertThat(broken).as("links of docs/course to files that do not exist").isEmpty();
    }

    @Test
    void everyStageHasItsSectionsAndEveryCommandIsInOneTheTestRuns() {
        List<Path> stages = Course.stages().toList();
        assertThat(stages).hasSize(10);
        for (Path page : stages) {
            Readme stage = Readme.read(page);
            for (String section : Course.STAGE_SECTIONS) {
                stage.section(section);
            }
            assertThat(stage.sections())
                    .filteredOn(s -> !s.blocks().isEmpty())
                    .as("%s: bash blocks outside the sections ReadmeCommandsIT runs", page)
                    .allSatisfy(s -> assertThat(Course.STAGE_SECTIONS.stream().anyMatch(s.heading()::startsWith))
                            .as(s.heading())
                            .isTrue());
            assertThat(stage.section(Course.EXERCISE).commands())
                    .as("%s: the exercise's check", page)
                    .isNotEmpty()
                    .allSatisfy(check -> assertThat(check.comment()).isEqualTo("\"PASS\""));
        }
    }

    @Test
    void theIndexAndTheReadmeLeadToEveryStage() throws IOException {
        String index = Files.readString(Course.DIRECTORY.resolve("README.md"));
        Course.stages().forEach(page -> assertThat(index).contains("](" + page.getFileName() + ")"));
        assertThat(index).contains("](questions.md)");
        assertThat(Readme.read(Course.DIRECTORY.resolve("README.md")).sections())
                .filteredOn(s -> !s.blocks().isEmpty())
                .extracting(Readme.Section::heading)
                .containsExactly(Course.START);
        assertThat(Files.readString(Path.of("README.md"))).contains("Read it as a course](docs/course/README.md)");
    }
}
