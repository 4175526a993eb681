package dev.singletable.engine.expr;

/** Lexical categories of DynamoDB's expression language (keywords are case-insensitive). */
enum TokenType {
    COMMA,
    LPAREN,
    RPAREN,
    DOT,
    LBRACKET,
    RBRACKET,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    PLUS,
    MINUS,
    IN,
    BETWEEN,
    NOT,
    AND,
    OR,
    SET,
    ADD,
    DELETE,
    REMOVE,
    /** A list index: "0" or a digit sequence without leading zero. */
    INDEX,
    /** An attribute name or function name: a letter followed by letters, digits and underscores. */
    ID,
    /** An expression attribute name placeholder such as {@code #n}. */
    NAME_REF,
    /** An expression attribute value placeholder such as {@code :v}. */
    VALUE_REF,
    /** Any other single character; never valid in the grammar, so it always causes a syntax error. */
    UNKNOWN,
    EOF;

    boolean isComparator() {
        return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
    }
}
