package dev.singletable.engine.partiql;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Two independent in-process DynamoDB Local instances, started once per test JVM: one is the target our executor
 * translates onto, the other answers PartiQL natively. Both receive the same set-up, so a write can be compared
 * without one side seeing the other's effects.
 */
final class TwoLocals {

    private static AmazonDynamoDBLocal targetServer;
    private static AmazonDynamoDBLocal oracleServer;
    private static DynamoDbClient target;
    private static DynamoDbClient oracle;

    private TwoLocals() {}

    static synchronized DynamoDbClient target() {
        start();
        return target;
    }

    static synchronized DynamoDbClient oracle() {
        start();
        return oracle;
    }

    private static void start() {
        if (target == null) {
            targetServer = DynamoDBEmbedded.create(true);
            oracleServer = DynamoDBEmbedded.create(true);
            target = targetServer.dynamoDbClient();
            oracle = oracleServer.dynamoDbClient();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                targetServer.shutdown();
                oracleServer.shutdown();
            }));
        }
    }
}
