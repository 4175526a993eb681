package dev.singletable.engine.fidelity;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.singletable.engine.EmbeddedEngine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The two engines every differential test compares: ours and Amazon's DynamoDB Local, both in-process, each started
 * once per test JVM (DynamoDB Local takes a second or two to start). Tests isolate themselves by table name.
 */
final class Oracle {

    private static AmazonDynamoDBLocal local;
    private static DynamoDbClient localClient;
    private static EmbeddedEngine engine;

    private Oracle() {
    }

    static synchronized DynamoDbClient local() {
        if (localClient == null) {
            local = DynamoDBEmbedded.create(true);
            localClient = local.dynamoDbClient();
            Runtime.getRuntime().addShutdownHook(new Thread(local::shutdown));
        }
        return localClient;
    }

    static synchronized DynamoDbClient ours() {
        if (engine == null) {
            engine = EmbeddedEngine.inMemory();
        }
        return engine.dynamoDbClient();
    }
}
