package dev.singletable.engine.wire;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Requests signed by the SDK's own SigV4 signer, turned into java.net.http requests. */
final class SignedRequests {

    /** Headers java.net.http sets itself (with the same values the signer saw). */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length");

    private final URI endpoint;

    SignedRequests(URI endpoint) {
        this.endpoint = endpoint;
    }

    HttpRequest sign(
            String target,
            byte[] signedBody,
            byte[] sentBody,
            String accessKey,
            String secretKey,
            String service,
            Clock clock,
            Map<String, String> extraHeaders) {
        return sign(
                target,
                signedBody,
                sentBody,
                AwsCredentialsIdentity.create(accessKey, secretKey),
                service,
                clock,
                extraHeaders,
                true,
                Map.of());
    }

    /**
     * The general form: {@code target} null leaves X-Amz-Target out of what is signed; {@code addedAfterSigning}
     * headers are sent without being signed; {@code signPayload} false signs {@code UNSIGNED-PAYLOAD} instead of
     * the body's hash.
     */
    HttpRequest sign(
            String target,
            byte[] signedBody,
            byte[] sentBody,
            AwsCredentialsIdentity identity,
            String service,
            Clock clock,
            Map<String, String> extraHeaders,
            boolean signPayload,
            Map<String, String> addedAfterSigning) {
        // the SDK signs UNSIGNED-PAYLOAD only for https; the scheme is not part of what is signed
        java.net.URI signedUri =
                signPayload ? endpoint.resolve("/") : java.net.URI.create("https://" + endpoint.getAuthority() + "/");
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(signedUri)
                .putHeader("Content-Type", "application/x-amz-json-1.0");
        if (target != null) {
            unsigned.putHeader("X-Amz-Target", target);
        }
        extraHeaders.forEach(unsigned::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(signedBody))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-central-1")
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, signPayload)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(sentBody));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        addedAfterSigning.forEach(request::header);
        return request.build();
    }
}
