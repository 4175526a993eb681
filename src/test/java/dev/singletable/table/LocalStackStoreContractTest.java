package dev.singletable.table;

import org.junit.jupiter.api.AfterAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store contract on LocalStack's DynamoDB, in a container. Needs Docker: without it the whole class is reported
 * as skipped (not failed), and Testcontainers logs that it found no Docker environment. The image is pinned like
 * docker-compose.yml's ({@code latest} needs an auth token since 2026).
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackStoreContractTest extends StoreContract {

    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.12");

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(IMAGE).withServices("dynamodb");

    private DynamoDbClient client;

    @Override
    DynamoDbClient storeWithTable() {
        client = DynamoDbClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .httpClient(ApacheHttpClient.create())
                .build();
        bootstrap(client);
        return client;
    }

    @AfterAll
    void close() {
        client.close();
    }
}
