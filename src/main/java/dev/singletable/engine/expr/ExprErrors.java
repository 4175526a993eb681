package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Builds DynamoDB's expression error messages. */
final class ExprErrors {

    static final String NOT_IN_ITEM = "The provided expression refers to an attribute that does not exist in the item";
    static final String WRONG_OPERAND_TYPE = "An operand in the update expression has an incorrect data type";
    static final String INVALID_UPDATE_PATH =
            "The document path provided in the update expression is invalid for update";

    private ExprErrors() {}

    /** "Invalid ConditionExpression: message" and so on, for problems DynamoDB attributes to the expression text. */
    static DynamoDbException invalid(String kind, String message) {
        return EngineErrors.validation("Invalid " + kind + ": " + message);
    }

    /**
     * The syntax error at token {@code index}: DynamoDB shows the offending token and the text from the start of
     * the token before it to the end of the token after it (to the end of the text when that is the end).
     */
    static DynamoDbException syntax(String kind, String text, List<Token> tokens, int index) {
        Token offending = tokens.get(index);
        int from = index > 0 ? tokens.get(index - 1).start() : 0;
        int to;
        if (offending.type() == TokenType.EOF || tokens.get(index + 1).type() == TokenType.EOF) {
            to = text.length();
        } else {
            to = tokens.get(index + 1).stop() + 1;
        }
        return invalid(
                kind, "Syntax error; token: \"" + offending.text() + "\", near: \"" + text.substring(from, to) + "\"");
    }
}
