package dev.singletable.web;

import java.util.List;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's representations are JSON, written by one converter: {@link TaggedJsonHttpMessageConverter} in the JSON
 * converter's place, with the application's {@link JsonMapper}. Ordered after Spring Boot's own Jackson customizer
 * (order 0), whose converter it replaces rather than joins. The object converters Spring would add for other formats
 * because a library happens to be on the class path (YAML through swagger-core's Jackson 2 YAML module; CBOR or Smile
 * likewise) are left out: they would answer {@code Accept: application/yaml} with another mapper's text (instants as
 * epoch seconds) under the JSON body's strong ETag, a representation the API neither documents nor tags. Such a request
 * is answered 406, as for any format the API does not serve.
 */
@Configuration(proxyBeanMethods = false)
class TaggedJsonConfiguration {

    /** The media types of the object converters the API does not serve. */
    private static final List<MediaType> UNSERVED = List.of(
            MediaType.APPLICATION_YAML,
            MediaType.APPLICATION_CBOR,
            MediaType.parseMediaType("application/x-jackson-smile"));

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer taggedJsonConverter(JsonMapper json) {
        return builder -> builder.withJsonConverter(new TaggedJsonHttpMessageConverter(json))
                .configureMessageConvertersList(converters -> converters.removeIf(TaggedJsonConfiguration::unserved));
    }

    private static boolean unserved(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().anyMatch(UNSERVED::contains);
    }
}
