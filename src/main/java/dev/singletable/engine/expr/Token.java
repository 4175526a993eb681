package dev.singletable.engine.expr;

/** One token with its position in the expression text ({@code stop} is inclusive, as DynamoDB's parser counts). */
record Token(TokenType type, String text, int start, int stop) {

    @Override
    public String toString() {
        return type + "(" + text + ")";
    }
}
