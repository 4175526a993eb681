package dev.singletable.engine.partiql;

/**
 * A statement DynamoDB refuses with a ValidationException, carrying DynamoDB's message. Batch and transaction callers
 * need the bare message (to place it in a per-statement error), so it is kept apart from the SDK exception until the
 * executor converts it.
 */
final class PartiqlException extends RuntimeException {

    private PartiqlException(String message) {
        super(message, null, false, false);
    }

    static PartiqlException validation(String message) {
        return new PartiqlException(message);
    }
}
