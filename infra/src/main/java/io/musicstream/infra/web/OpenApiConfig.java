package io.musicstream.infra.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document springdoc generates from the controllers ({@code /v3/api-docs}, UI at
 * {@code /swagger-ui.html}); what it cannot say (sync protocol, idempotency, errors) is in docs/api.md.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI musicStreamingApi(@Value("${spring.application.version:0.1.0}") String version) {
        return new OpenAPI()
                .info(new Info().title("music-streaming API").version(version)
                        .description("Catalog, search, library with its sync feed, plays and accounts. Sign in with"
                                + " POST /api/v1/auth/login and send the token as `Authorization: Bearer <token>`."
                                + " Sync protocol, Idempotency-Key and problem responses: docs/api.md."))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
