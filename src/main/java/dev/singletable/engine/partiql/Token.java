package dev.singletable.engine.partiql;

/**
 * One lexical unit of a statement with its 1-based line and column and its length in characters, because DynamoDB
 * reports some validation errors with a source location "at line:column:length".
 */
record Token(Kind kind, String text, int line, int column, int length) {

    enum Kind {
        IDENTIFIER,
        QUOTED_IDENTIFIER,
        STRING,
        NUMBER,
        ION,
        PARAMETER,
        SYMBOL,
        END
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** A bare identifier matching a keyword, compared case-insensitively as PartiQL does. */
    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    String location() {
        return line + ":" + column + ":" + length;
    }
}
