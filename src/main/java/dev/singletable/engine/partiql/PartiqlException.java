package dev.singletable.engine.partiql;

/**
 * A statement DynamoDB refuses with a ValidationException, carrying DynamoDB's message. Batch and transaction callers
 * need the bare message (to place it in a per-statement error), so it is kept apart from the SDK exception until the
 * executor converts it.
 */
final class PartiqlException extends RuntimeException {

    private final String reason;

    private PartiqlException(String message) {
        super(message, null, false, false);
        this.reason = message;
    }

    /** DynamoDB's message: every PartiqlException has one. */
    @Override
    public String getMessage() {
        return reason;
    }

    static PartiqlException validation(String message) {
        return new PartiqlException(message);
    }
}
