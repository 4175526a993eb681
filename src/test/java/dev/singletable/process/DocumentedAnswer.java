package dev.singletable.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a document's comment says a command answers, in the forms the README writes it:
 * <ul>
 *   <li>a leading HTTP status ({@code # 204}, {@code #   HTTP/1.1 201, …}, {@code # 409, …}); without one, any
 *       status below 400;</li>
 *   <li>JSON members with a literal value ({@code "followers":3}, {@code "status":"PAID"}, {@code "nextCursor":null}),
 *       which must appear in the output in the order given; a value with an ellipsis ({@code "id":"01M7…"}) is only
 *       an illustration;</li>
 *   <li>other quoted strings ({@code "singletable"}), which must appear quoted in the output;</li>
 *   <li>response headers ({@code Location: /api/users/ann_lee});</li>
 *   <li>an AWS CLI error as the CLI prints it ({@code An error occurred (ConditionalCheckFailedException) …}): the
 *       command must fail (a non-zero exit status) and print that error code on its standard error; written out in
 *       full, without an ellipsis ({@code An error occurred (X) when calling the Y operation: <message>}, possibly
 *       over several comment lines), the standard error must hold that whole text (spacing aside).</li>
 * </ul>
 * Prose around them is for the reader and is not checked.
 */
public record DocumentedAnswer(
        Integer status,
        List<String> members,
        List<String> strings,
        List<String> headers,
        String error,
        String errorText) {

    private static final Pattern STATUS = Pattern.compile("^(?:HTTP/[\\d.]+\\s+)?([1-5]\\d\\d)\\b");
    private static final Pattern MEMBER =
            Pattern.compile("\"\\w+\":(?:\"[^\"…]*\"|-?\\d+(?:\\.\\d+)?(?![\\d.…])|true|false|null)");
    private static final Pattern STRING = Pattern.compile("\"([^\"…]+)\"");
    private static final Pattern HEADER = Pattern.compile("\\b([A-Z][a-zA-Z]*(?:-[A-Z][a-zA-Z]*)*): ([^,\\s]+)");
    private static final Pattern CLI_ERROR = Pattern.compile("An error occurred \\((\\w+)\\)");
    private static final Pattern SPACE_AFTER_COLON = Pattern.compile("\":\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public static DocumentedAnswer of(String comment) {
        Matcher error = CLI_ERROR.matcher(comment);
        if (error.find()) {
            String text = comment.substring(error.start()).strip();
            return new DocumentedAnswer(
                    null, List.of(), List.of(), List.of(), error.group(1), text.contains("…") ? null : text);
        }
        Matcher status = STATUS.matcher(comment.strip());
        List<String> members = new ArrayList<>();
        Matcher member = MEMBER.matcher(comment);
        StringBuilder rest = new StringBuilder();
        while (member.find()) {
            members.add(member.group());
            member.appendReplacement(rest, " ");
        }
        member.appendTail(rest);
        List<String> headers = new ArrayList<>();
        Matcher header = HEADER.matcher(rest);
        while (header.find()) {
            headers.add(header.group(1) + ": " + header.group(2));
        }
        List<String> strings = new ArrayList<>();
        Matcher string = STRING.matcher(rest);
        while (string.find()) {
            strings.add(string.group());
        }
        return new DocumentedAnswer(
                status.find() ? Integer.valueOf(status.group(1)) : null, members, strings, headers, null, null);
    }

    private static String spaced(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** What in {@code result} differs from the document; empty when it answers as documented. */
    public List<String> mismatches(ShellSession.Result result) {
        List<String> problems = new ArrayList<>();
        if (error != null) {
            if (result.exitCode() == 0) {
                problems.add("exit status 0, documented the error " + error);
            }
            if (!result.errors().contains("(" + error + ")")) {
                problems.add("no error (" + error + ") on the standard error");
            } else if (errorText != null && !spaced(result.errors()).contains(spaced(errorText))) {
                problems.add("the error reads otherwise than documented: " + errorText);
            }
            return problems;
        }
        if (result.exitCode() != 0) {
            problems.add("exit status " + result.exitCode());
        }
        if (result.httpStatus() != null) {
            if (status != null && !status.equals(result.httpStatus())) {
                problems.add("HTTP status " + result.httpStatus() + ", documented " + status);
            } else if (status == null && result.httpStatus() >= 400) {
                problems.add("HTTP status " + result.httpStatus());
            }
        } else if (status != null) {
            problems.add("no HTTP response, documented " + status);
        }
        String output = SPACE_AFTER_COLON.matcher(result.output()).replaceAll("\":");
        int from = 0;
        for (String member : members) {
            int at = output.indexOf(member, from);
            if (at < 0) {
                problems.add(output.contains(member) ? member + " out of the documented order" : "no " + member);
            } else {
                from = at + member.length();
            }
        }
        for (String string : strings) {
            if (!output.contains(string)) {
                problems.add("no " + string);
            }
        }
        String headerText = result.headers().toLowerCase(Locale.ROOT);
        for (String header : headers) {
            if (!headerText.contains(header.toLowerCase(Locale.ROOT))) {
                problems.add("no header " + header);
            }
        }
        return problems;
    }
}
