package dev.singletable.engine.wire;

/** A request that failed AWS Signature Version 4 authentication, with the error code and wording AWS uses. */
final class SigV4Failure extends Exception {

    private static final long serialVersionUID = 1L;

    static final String MISSING_TOKEN = "MissingAuthenticationTokenException";
    static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";
    static final String INVALID_SIGNATURE = "InvalidSignatureException";
    static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";

    private final String code;

    SigV4Failure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
