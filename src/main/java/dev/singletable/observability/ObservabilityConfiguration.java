package dev.singletable.observability;

import dev.singletable.table.TableProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Health of the table (for readiness) and the request id of every request (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    /** Contributes {@code table} to /actuator/health and to the readiness group. */
    @Bean
    TableHealthIndicator tableHealthIndicator(DynamoDbClient dynamo, TableProperties table) {
        return new TableHealthIndicator(dynamo, table.name());
    }

    /** First of all filters, before security, so even a 401 carries its request id. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
