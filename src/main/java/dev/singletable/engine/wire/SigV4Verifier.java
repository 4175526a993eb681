package dev.singletable.engine.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 ...}) for service {@code dynamodb} in
 * any region [1], checking in the order AWS does and failing with AWS's error codes and wording. The payload hash is
 * taken over the body bytes as sent (compressed bodies are signed compressed).
 *
 * [1] <a href="https://docs.aws.amazon.com/general/latest/gr/sigv4_signing.html">Create a signed AWS API request</a>
 */
final class SigV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SERVICE = "dynamodb";
    static final String TERMINATOR = "aws4_request";
    /** How far a request's signing time may be from ours, in either direction. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    static final String MISSING_TOKEN_MESSAGE = "Request is missing Authentication Token";
    static final String UNRECOGNIZED_CLIENT_MESSAGE = "The security token included in the request is invalid.";
    static final String SIGNATURE_MISMATCH_MESSAGE = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. "
            + "Consult the service documentation for details.";

    static final String UNSIGNED_HEADERS_MESSAGE = "There were headers present in the request which were not signed";
    private static final String SECURITY_TOKEN = "X-Amz-Security-Token";

    private static final DateTimeFormatter BASIC_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Map<String, String> secretsByAccessKey;
    private final Clock clock;

    SigV4Verifier(Map<String, String> secretsByAccessKey, Clock clock) {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
        this.clock = clock;
    }

    void verify(WireHttpRequest request) throws SigV4Failure {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.trim().startsWith("AWS4-")) {
            throw new SigV4Failure(SigV4Failure.MISSING_TOKEN, MISSING_TOKEN_MESSAGE);
        }
        String trimmed = authorization.trim();
        int space = trimmed.indexOf(' ');
        String algorithm = space < 0 ? trimmed : trimmed.substring(0, space);
        Map<String, String> parameters = parameters(space < 0 ? "" : trimmed.substring(space + 1));

        String amzDate = request.header("X-Amz-Date");
        String httpDate = request.header("Date");
        requireComplete(authorization, parameters, amzDate != null || httpDate != null);

        String signingTime = amzDate != null ? amzDate : httpDate;
        Instant requestTime = parseSigningTime(signingTime, amzDate != null);
        String basicTime = BASIC_FORMAT.format(requestTime);
        checkSkew(requestTime);

        String signedHeaders = present(parameters, "SignedHeaders");
        List<String> signedHeaderNames =
                List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
        if (!signedHeaderNames.contains("host")) {
            throw new SigV4Failure(
                    SigV4Failure.INVALID_SIGNATURE, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        requireAmzHeadersSigned(request, signedHeaderNames);
        if (!ALGORITHM.equals(algorithm)) {
            throw new SigV4Failure(
                    SigV4Failure.INCOMPLETE_SIGNATURE,
                    "Unsupported AWS 'algorithm': '" + algorithm + "' (only " + ALGORITHM + " for now). ");
        }

        String credential = stripTrailingSlashes(present(parameters, "Credential"));
        String[] scope = credential.split("/", -1);
        if (scope.length != 5) {
            throw new SigV4Failure(
                    SigV4Failure.INCOMPLETE_SIGNATURE,
                    "Credential must have exactly 5 "
                            + "slash-delimited elements, e.g. keyid/date/region/service/term, got '" + credential
                            + "'");
        }
        checkScope(scope, basicTime);

        String secret = secretsByAccessKey.get(scope[0]);
        if (secret == null || request.header(SECURITY_TOKEN) != null) {
            // only long-term keys are configured: a session token was not issued here, so it cannot be valid
            throw new SigV4Failure(SigV4Failure.UNRECOGNIZED_CLIENT, UNRECOGNIZED_CLIENT_MESSAGE);
        }

        String canonicalRequest = canonicalRequest(request, signedHeaders.toLowerCase(Locale.ROOT), signedHeaderNames);
        String credentialScope = scope[1] + "/" + scope[2] + "/" + scope[3] + "/" + scope[4];
        String stringToSign = ALGORITHM + "\n" + basicTime + "\n" + credentialScope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKey(secret, scope[1], scope[2], scope[3]);
        String expected = hex(hmac(key, stringToSign));
        String provided = present(parameters, "Signature").toLowerCase(Locale.ROOT);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), provided.getBytes(StandardCharsets.US_ASCII))) {
            throw new SigV4Failure(SigV4Failure.INVALID_SIGNATURE, SIGNATURE_MISMATCH_MESSAGE);
        }
    }

    /**
     * Every {@code x-amz-*} header the request carries must be covered by the signature: otherwise a captured
     * request could be replayed with another {@code X-Amz-Target} (a signed GetItem sent again as a DeleteItem) or
     * another security token. S3 refuses such requests with this sentence; {@code x-amz-content-sha256} is exempt,
     * as there (the payload hash is computed from the body anyway).
     */
    private static void requireAmzHeadersSigned(WireHttpRequest request, List<String> signedHeaderNames)
            throws SigV4Failure {
        for (String name : request.headerNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-")
                    && !lower.equals("x-amz-content-sha256")
                    && !signedHeaderNames.contains(lower)) {
                throw new SigV4Failure(SigV4Failure.INVALID_SIGNATURE, UNSIGNED_HEADERS_MESSAGE);
            }
        }
    }

    /** {@code Credential=a/b/c, SignedHeaders=x;y, Signature=z} as a map; blanks around separators ignored. */
    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new HashMap<>();
        for (String part : text.replaceAll("\\s+", "").split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parameters.put(part.substring(0, equals), part.substring(equals + 1));
            }
        }
        return parameters;
    }

    /** A parameter {@link #requireComplete} has already required. */
    private static String present(Map<String, String> parameters, String name) {
        return Objects.requireNonNull(parameters.get(name), "requireComplete checks it is there");
    }

    private static void requireComplete(String authorization, Map<String, String> parameters, boolean hasDate)
            throws SigV4Failure {
        StringBuilder problems = new StringBuilder();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            String value = parameters.get(name);
            if (value == null || (value.isEmpty() && !"SignedHeaders".equals(name))) {
                problems.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (!hasDate) {
            problems.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (problems.length() > 0) {
            throw new SigV4Failure(SigV4Failure.INCOMPLETE_SIGNATURE, problems + "Authorization=" + authorization);
        }
    }

    private static Instant parseSigningTime(String value, boolean basicFormat) throws SigV4Failure {
        try {
            if (basicFormat) {
                return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT))
                        .toInstant(ZoneOffset.UTC);
            }
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new SigV4Failure(
                    SigV4Failure.INCOMPLETE_SIGNATURE,
                    "Date must be in ISO-8601 'basic format'. Got '" + value
                            + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    private void checkSkew(Instant requestTime) throws SigV4Failure {
        Instant now = clock.instant();
        Instant earliest = now.minus(MAX_SKEW);
        Instant latest = now.plus(MAX_SKEW);
        if (requestTime.isBefore(earliest)) {
            throw new SigV4Failure(
                    SigV4Failure.INVALID_SIGNATURE,
                    "Signature expired: "
                            + BASIC_FORMAT.format(requestTime) + " is now earlier than " + BASIC_FORMAT.format(earliest)
                            + " (" + BASIC_FORMAT.format(now) + " - 15 min.)");
        }
        if (requestTime.isAfter(latest)) {
            throw new SigV4Failure(
                    SigV4Failure.INVALID_SIGNATURE,
                    "Signature not yet current: "
                            + BASIC_FORMAT.format(requestTime) + " is still later than " + BASIC_FORMAT.format(latest)
                            + " (" + BASIC_FORMAT.format(now) + " + 15 min.)");
        }
    }

    /** Region, service, terminator and date of the credential scope; AWS reports every mismatch at once. */
    private static void checkScope(String[] scope, String basicTime) throws SigV4Failure {
        StringBuilder problems = new StringBuilder();
        if (!scope[2].matches("[a-z0-9-]+")) {
            problems.append("Credential should be scoped to a valid region, not '")
                    .append(scope[2])
                    .append("'. ");
        }
        if (!SERVICE.equals(scope[3])) {
            problems.append("Credential should be scoped to correct service: '")
                    .append(SERVICE)
                    .append("'. ");
        }
        if (!TERMINATOR.equals(scope[4])) {
            problems.append("Credential should be scoped with a valid terminator: '")
                    .append(TERMINATOR)
                    .append("', not '")
                    .append(scope[4])
                    .append("'. ");
        }
        String day = basicTime.substring(0, 8);
        if (!day.equals(scope[1])) {
            problems.append(
                            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '")
                    .append(scope[1])
                    .append("' != '")
                    .append(day)
                    .append("', from '")
                    .append(basicTime)
                    .append("'.");
        }
        if (problems.length() > 0) {
            throw new SigV4Failure(
                    SigV4Failure.INVALID_SIGNATURE, problems.toString().trim());
        }
    }

    private static String stripTrailingSlashes(String credential) {
        int end = credential.length();
        while (end > 0 && credential.charAt(end - 1) == '/') {
            end--;
        }
        return credential.substring(0, end);
    }

    static String canonicalRequest(WireHttpRequest request, String signedHeaders, List<String> signedHeaderNames) {
        StringBuilder canonical = new StringBuilder(512);
        canonical.append(request.method()).append('\n');
        canonical.append(canonicalPath(request.rawPath())).append('\n');
        canonical.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaderNames) {
            canonical.append(name).append(':');
            List<String> values = request.headerValues(name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    canonical.append(',');
                }
                canonical.append(values.get(i).trim().replaceAll("\\s+", " "));
            }
            canonical.append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n');
        canonical.append(payloadHash(request));
        return canonical.toString();
    }

    /**
     * The hash of the body as received. DynamoDB signs its payload: an {@code x-amz-content-sha256} header
     * (S3's {@code UNSIGNED-PAYLOAD} included) is not taken on trust, so a body altered after signing, or a
     * signature made over an unsigned payload, does not match.
     */
    private static String payloadHash(WireHttpRequest request) {
        MessageDigest digest = sha256Digest();
        digest.update(request.body(), 0, request.bodyLength());
        return hex(digest.digest());
    }

    /** Non-S3 services sign the already-encoded path encoded once more. */
    static String canonicalPath(String rawPath) {
        return encode(rawPath, true);
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            String name = equals < 0 ? part : part.substring(0, equals);
            String value = equals < 0 ? "" : part.substring(equals + 1);
            pairs.add(new String[] {encode(decode(name), false), encode(decode(value), false)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder canonical = new StringBuilder();
        for (String[] pair : pairs) {
            if (canonical.length() > 0) {
                canonical.append('&');
            }
            canonical.append(pair[0]).append('=').append(pair[1]);
        }
        return canonical.toString();
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters (and '/' when asked). */
    private static String encode(String text, boolean keepSlash) {
        StringBuilder encoded = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean unreserved = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~';
            if (unreserved || (keepSlash && c == '/')) {
                encoded.append(c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(HEX[(b >> 4) & 0xF]))
                        .append(Character.toUpperCase(HEX[b & 0xF]));
            }
        }
        return encoded.toString();
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, TERMINATOR);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        return sha256Digest().digest(data);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static String hex(byte[] bytes) {
        char[] chars = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            chars[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            chars[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(chars);
    }
}
