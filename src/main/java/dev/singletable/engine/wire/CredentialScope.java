package dev.singletable.engine.wire;

import org.jspecify.annotations.Nullable;

/**
 * The access key and region a request is signed for, from its {@code Authorization} header
 * ({@code AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/dynamodb/aws4_request, ...}), read whether or not the
 * signature is verified: the region decides which region's tables a request reaches. Either is null when the header
 * does not name it.
 */
record CredentialScope(
        @Nullable String accessKeyId, @Nullable String region) {

    static final CredentialScope NONE = new CredentialScope(null, null);

    static CredentialScope of(@Nullable String authorization) {
        if (authorization == null) {
            return NONE;
        }
        int at = authorization.indexOf("Credential=");
        if (at < 0) {
            return NONE;
        }
        int start = at + "Credential=".length();
        int end = start;
        while (end < authorization.length()
                && authorization.charAt(end) != ','
                && !Character.isWhitespace(authorization.charAt(end))) {
            end++;
        }
        String[] parts = authorization.substring(start, end).split("/", -1);
        String accessKeyId = parts[0].isEmpty() ? null : parts[0];
        String region = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
        return new CredentialScope(accessKeyId, region);
    }
}
