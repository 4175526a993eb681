package dev.singletable.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell commands of a Markdown document, read from its fenced {@code bash} blocks so tests run what the document
 * says rather than a copy of it. A command is a logical line ({@code \}-continued lines joined as bash joins them);
 * its comment is what follows an unquoted {@code #} on its last line plus any directly following comment lines
 * indented after the {@code #} ({@code #   201 with …}), the document's way of saying what the command answers.
 * Other comment lines are prose.
 */
public final class Readme {

    private final List<Section> sections;

    private Readme(List<Section> sections) {
        this.sections = sections;
    }

    public static Readme read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every section, in document order (the text before the first heading is a section with heading ""). */
    public List<Section> sections() {
        return sections;
    }

    /** The section whose heading (without the leading #s) starts with {@code heading}. */
    public Section section(String heading) {
        return sections.stream()
                .filter(s -> s.heading().startsWith(heading))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section \"" + heading + "\" in the document"));
    }

    static Readme parse(List<String> lines) {
        List<Section> sections = new ArrayList<>();
        String heading = "";
        List<List<Command>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : lines) {
            if (block != null) {
                if (line.startsWith("```")) {
                    blocks.add(commands(block));
                    block = null;
                } else {
                    block.add(line);
                }
            } else if (line.startsWith("```bash")) {
                block = new ArrayList<>();
            } else if (line.startsWith("#")) {
                sections.add(new Section(heading, List.copyOf(blocks)));
                heading = line.replaceFirst("^#+\\s*", "");
                blocks = new ArrayList<>();
            }
        }
        sections.add(new Section(heading, List.copyOf(blocks)));
        return new Readme(sections);
    }

    private static List<Command> commands(List<String> lines) {
        List<Command> commands = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (text.length() == 0) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.startsWith("#")) {
                    if (trimmed.matches("#\\s{2,}.*") && !commands.isEmpty()) {
                        Command last = commands.remove(commands.size() - 1);
                        commands.add(new Command(
                                last.text(),
                                (last.comment() + " " + trimmed.substring(1).strip()).strip()));
                    }
                    continue;
                }
            }
            if (line.endsWith("\\")) {
                text.append(line, 0, line.length() - 1).append("\\\n");
                continue;
            }
            int comment = commentStart(line);
            text.append(comment < 0 ? line : line.substring(0, comment).stripTrailing());
            commands.add(new Command(
                    text.toString().strip(),
                    comment < 0 ? "" : line.substring(comment + 1).strip()));
            text.setLength(0);
        }
        return commands;
    }

    /** Where an unquoted {@code #} preceded by whitespace starts a comment, or -1. */
    static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    /** A heading and the bash blocks under it, each a list of commands. */
    public record Section(String heading, List<List<Command>> blocks) {

        public List<Command> block(int index) {
            if (index >= blocks.size()) {
                throw new AssertionError("section \"" + heading + "\" has " + blocks.size() + " bash blocks");
            }
            return blocks.get(index);
        }

        /** Every command of every block, in order. */
        public List<Command> commands() {
            return blocks.stream().flatMap(List::stream).toList();
        }
    }

    /**
     * @param text    the command as bash reads it (continuation lines kept)
     * @param comment what the document says about it, or ""
     */
    public record Command(String text, String comment) {

        public boolean startsWith(String prefix) {
            return text.startsWith(prefix);
        }

        public Command replace(String target, String replacement) {
            return new Command(text.replace(target, replacement), comment);
        }
    }
}
