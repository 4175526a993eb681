package dev.singletable.engine.expr;

/** The sort-key operator of a key condition; NONE when only the hash key is constrained. */
public enum SortOp {
    NONE,
    EQ,
    LT,
    LE,
    GT,
    GE,
    BETWEEN,
    BEGINS_WITH
}
