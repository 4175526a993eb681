package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.SingletableApplication;
import dev.singletable.engine.EmbeddedEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The engine's capacity counters, full stack: a write through the service's client moves the actuator's meter. */
@SpringBootTest(
        classes = SingletableApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"singletable.engine.in-memory=true", "singletable.engine.port=-1"})
class EngineCapacityMetricsTest {

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    EmbeddedEngine engine;

    @Autowired
    MetricsEndpoint metrics;

    @Test
    void consumedWriteUnitsOfTheTableAreAMeterAtTheMetricsEndpoint() {
        double before = consumedWrites();
        dynamo.putItem(r -> r.tableName("singletable")
                .item(Map.of(
                        "PK",
                        AttributeValue.fromS("CAPACITY#metrics"),
                        "SK",
                        AttributeValue.fromS("A"),
                        "v",
                        AttributeValue.fromS("x".repeat(1500)))));

        assertThat(consumedWrites()).isGreaterThanOrEqualTo(before + 2); // 1.5 KB: two write units on the table
        assertThat(metrics.metric(
                        "singletable.engine.capacity.throttled", List.of("table:singletable", "index:", "kind:write")))
                .isNotNull();
        assertThat(engine.core().options().throttling()).isTrue(); // on unless switched off
    }

    private double consumedWrites() {
        MetricsEndpoint.MetricDescriptor d = metrics.metric(
                "singletable.engine.capacity.consumed", List.of("table:singletable", "index:", "kind:write"));
        return d == null ? 0 : d.getMeasurements().get(0).getValue();
    }
}
