package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.SingletableApplication;
import dev.singletable.engine.EmbeddedEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;

/**
 * Global tables' replication figures at the actuator's metrics endpoint, per table and direction: AWS's
 * ReplicationLatency and PendingReplicationCount.
 */
@SpringBootTest(
        classes = SingletableApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"singletable.engine.in-memory=true", "singletable.engine.port=-1"})
class EngineReplicationMetricsTest {

    @Autowired
    EmbeddedEngine engine;

    @Autowired
    MetricsEndpoint metrics;

    @Test
    void replicationLatencyAndPendingWritesAreMeters() throws Exception {
        DynamoDbClient east = engine.dynamoDbClient("us-east-1");
        east.createTable(b -> b.tableName("metrics_demo")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .billingMode("PAY_PER_REQUEST"));
        east.updateTable(
                b -> b.tableName("metrics_demo").replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (east.describeTable(b -> b.tableName("metrics_demo")).table().replicas().stream()
                        .noneMatch(r -> r.replicaStatus() == ReplicaStatus.ACTIVE)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        for (int i = 0; i < 5; i++) {
            int n = i;
            east.putItem(b -> b.tableName("metrics_demo").item(Map.of("pk", AttributeValue.fromS("k" + n))));
        }
        assertThat(engine.globalTables().awaitQuiescence(Duration.ofSeconds(30)))
                .isTrue();

        List<String> tags = List.of("table:metrics_demo", "source:us-east-1", "destination:eu-west-1");
        MetricsEndpoint.MetricDescriptor latency = metrics.metric("singletable.engine.replication.latency", tags);
        assertThat(latency).isNotNull();
        assertThat(latency.getMeasurements()).anySatisfy(m -> {
            assertThat(m.getStatistic().name()).isEqualTo("COUNT");
            assertThat(m.getValue()).isEqualTo(5.0);
        });
        assertThat(metrics.metric("singletable.engine.replication.pending", tags)
                        .getMeasurements()
                        .get(0)
                        .getValue())
                .isZero();
        assertThat(metrics.metric("singletable.engine.replication.superseded", tags))
                .isNotNull();
    }
}
