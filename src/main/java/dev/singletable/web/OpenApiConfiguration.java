package dev.singletable.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI header and the bearer-token scheme its protected endpoints refer to. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI singletableOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("singletable")
                        .version("v1")
                        .description("A reference service for DynamoDB single-table design: users, follows, tweets and "
                                + "timelines, products, reviews and orders, all in one table."))
                .components(new Components()
                        .addSecuritySchemes(
                                ApiDocs.BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A session token from POST /api/sessions")));
    }
}
