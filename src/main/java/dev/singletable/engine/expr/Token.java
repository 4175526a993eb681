package dev.singletable.engine.expr;

/** One token with its position in the expression text ({@code stop} is inclusive, as DynamoDB's parser counts). */
final class Token {

    final TokenType type;
    final String text;
    final int start;
    final int stop;

    Token(TokenType type, String text, int start, int stop) {
        this.type = type;
        this.text = text;
        this.start = start;
        this.stop = stop;
    }

    @Override
    public String toString() {
        return type + "(" + text + ")";
    }
}
