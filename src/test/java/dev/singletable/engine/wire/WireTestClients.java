package dev.singletable.engine.wire;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Real SDK v2 clients talking HTTP to a wire server, without retries so failures surface at once. */
final class WireTestClients {

    private WireTestClients() {}

    static DynamoDbClient dynamo(URI endpoint) {
        return dynamo(endpoint, "AKIDEXAMPLE", "secret");
    }

    static DynamoDbClient dynamo(URI endpoint, String accessKey, String secretKey) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .httpClient(ApacheHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .build();
    }

    static DynamoDbStreamsClient streams(URI endpoint) {
        return streams(endpoint, "AKIDEXAMPLE", "secret");
    }

    static DynamoDbStreamsClient streams(URI endpoint, String accessKey, String secretKey) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .httpClient(ApacheHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .build();
    }
}
