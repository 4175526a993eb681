package dev.singletable.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link TaggedJsonHttpMessageConverter} in the JSON converter's place among the server's message converters,
 * with the application's {@link JsonMapper}. Ordered after Spring Boot's own Jackson customizer (order 0), whose
 * converter it replaces rather than joins: one JSON converter, one mapper, for reading and writing.
 */
@Configuration(proxyBeanMethods = false)
class TaggedJsonConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer taggedJsonConverter(JsonMapper json) {
        return builder -> builder.withJsonConverter(new TaggedJsonHttpMessageConverter(json));
    }
}
