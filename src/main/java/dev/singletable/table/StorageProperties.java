package dev.singletable.table;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service's data lives. Switching from the bundled engine to AWS is a change of {@code mode}, nothing else.
 *
 * @param mode      embedded (the bundled engine, in-process), endpoint (any DynamoDB-compatible URL) or aws
 * @param endpoint  the URL for endpoint mode: this engine's port, DynamoDB Local, LocalStack
 * @param region    the region whose tables the service uses: in embedded mode the bundled engine's region of that
 *                  name, in endpoint mode the signing region (which chooses the region of this engine's port); AWS
 *                  mode uses the default region chain
 * @param accessKey static credentials for endpoint mode; local stores accept anything unless configured otherwise
 * @param secretKey see accessKey
 * @param httpClient the AWS SDK's HTTP client for the store clients in endpoint and aws mode (embedded mode makes
 *                   no HTTP call): apache (the SDK's Apache 4 client), apache5 (its Apache 5 client) or
 *                   url-connection (the JDK's HttpURLConnection); docs/benchmarks.md measures them in endpoint mode
 */
@ConfigurationProperties("singletable.storage")
public record StorageProperties(
        @DefaultValue("embedded") Mode mode,
        URI endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("local") String accessKey,
        @DefaultValue("local") String secretKey,
        @DefaultValue("apache") HttpClient httpClient) {

    public enum Mode {
        EMBEDDED,
        ENDPOINT,
        AWS
    }

    /** The SDK HTTP clients the service can talk to a store through (each an artifact on its classpath). */
    public enum HttpClient {
        APACHE,
        APACHE5,
        URL_CONNECTION
    }
}
