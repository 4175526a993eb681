package dev.singletable.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a document's commands in a {@link ShellSession}, each checked against its {@link DocumentedAnswer}. The only
 * change made to a command is the rewriting of addresses (the documented {@code localhost:8080} becomes the port the
 * test's process really listens on). A command that only reads (no {@code -X}, no body) may be repeated for a while
 * until it answers as documented, because some answers trail the write that causes them (stream projections).
 */
public final class DocumentedCommands {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern WRITES = Pattern.compile("\\s-(X|d|-data)\\b");

    private final ShellSession shell;
    private final Map<String, String> rewrites = new LinkedHashMap<>();

    public DocumentedCommands(ShellSession shell) {
        this.shell = shell;
    }

    /** Replaces {@code documented} by {@code actual} in every command before it runs. */
    public DocumentedCommands rewrite(String documented, String actual) {
        rewrites.put(documented, actual);
        return this;
    }

    /** Runs the commands in order; fails with every command's transcript at the first that answers otherwise. */
    public void run(List<Readme.Command> commands) {
        StringBuilder transcript = new StringBuilder();
        for (Readme.Command documented : commands) {
            String text = documented.text();
            for (Map.Entry<String, String> rewrite : rewrites.entrySet()) {
                text = text.replace(rewrite.getKey(), rewrite.getValue());
            }
            DocumentedAnswer expected = DocumentedAnswer.of(documented.comment());
            boolean readOnly =
                    !WRITES.matcher(text).find() && !ASSIGNMENT.matcher(text).find();
            long deadline = System.nanoTime() + EVENTUALLY.toNanos();
            ShellSession.Result result;
            List<String> problems;
            while (true) {
                result = shell.run(text, COMMAND_TIMEOUT);
                problems = new ArrayList<>(expected.mismatches(result));
                Matcher assignment = ASSIGNMENT.matcher(text);
                if (assignment.find()) {
                    String value = shell.variable(assignment.group(1));
                    if (value.isBlank() || value.equals("null")) {
                        problems.add(assignment.group(1) + " is empty");
                    }
                }
                if (problems.isEmpty() || !readOnly || System.nanoTime() > deadline) {
                    break;
                }
                ChildProcess.sleep(500);
            }
            transcript
                    .append("$ ")
                    .append(text)
                    .append("   # ")
                    .append(documented.comment())
                    .append('\n')
                    .append(result.output())
                    .append(result.errors().isEmpty() ? "" : "\n[stderr] " + result.errors())
                    .append("\n[HTTP ")
                    .append(result.httpStatus())
                    .append("]\n");
            assertThat(problems)
                    .as("the documented command%n%s%nanswered otherwise; the session so far:%n%s", text, transcript)
                    .isEmpty();
        }
    }
}
