package dev.singletable.orders;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The status index's shard count, from {@code singletable.orders.status-shards} (default 4). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrdersConfiguration {

    @Bean
    StatusShards statusShards(OrderProperties properties) {
        return new StatusShards(properties.statusShards());
    }
}
