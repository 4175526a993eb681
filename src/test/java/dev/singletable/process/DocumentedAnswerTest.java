package dev.singletable.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a documented AWS CLI error is checked: by its code, and in full when the document writes it out in full. */
class DocumentedAnswerTest {

    private static final String PRINTED =
            "\nAn error occurred (AccessDeniedException) when calling the GetItem operation: "
                    + "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: dynamodb:GetItem on resource: "
                    + "arn:aws:dynamodb:us-east-1:111122223333:table/singletable because no identity-based policy allows the "
                    + "dynamodb:GetItem action\n";

    private static ShellSession.Result failed(String errors) {
        return new ShellSession.Result(254, "", errors, null, "");
    }

    @Test
    void anErrorWithAnEllipsisIsCheckedByItsCodeOnly() {
        DocumentedAnswer answer = DocumentedAnswer.of("An error occurred (AccessDeniedException) … prose of the page");

        assertThat(answer.mismatches(failed(PRINTED))).isEmpty();
        assertThat(answer.mismatches(failed("An error occurred (ValidationException) when calling …")))
                .containsExactly("no error (AccessDeniedException) on the standard error");
    }

    @Test
    void anErrorWrittenOutInFullMustBePrintedInFullWhateverTheLineBreaks() {
        DocumentedAnswer answer =
                DocumentedAnswer.of("An error occurred (AccessDeniedException) when calling the GetItem "
                        + "operation: User: arn:aws:iam::111122223333:user/alice   is not authorized to perform: dynamodb:GetItem on "
                        + "resource: arn:aws:dynamodb:us-east-1:111122223333:table/singletable because no identity-based policy "
                        + "allows the dynamodb:GetItem action");

        assertThat(answer.mismatches(failed(PRINTED))).isEmpty();
        assertThat(answer.mismatches(failed(PRINTED.replace("no identity-based", "no resource-based"))))
                .singleElement()
                .asString()
                .startsWith("the error reads otherwise than documented");
        assertThat(answer.mismatches(new ShellSession.Result(0, "{}", "", null, "")))
                .contains("exit status 0, documented the error AccessDeniedException");
    }
}
