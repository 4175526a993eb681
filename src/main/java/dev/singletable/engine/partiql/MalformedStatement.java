package dev.singletable.engine.partiql;

/** Thrown by the lexer and parser; the executor turns it into DynamoDB's "Statement wasn't well formed" error. */
final class MalformedStatement extends RuntimeException {

    MalformedStatement() {
        super(null, null, false, false);
    }
}
