package io.syncwatch.platform.adapter.in.web;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The account API key scheme of the OpenAPI document ({@code apiKey}), which the integrations and
 * states APIs require: the platform authenticates these keys ({@link ApiKeyAuthenticationFilter}).
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An account API key (sw_…), created by an account admin under Account › API keys; "
                + "sent as Authorization: Bearer sw_… (or in the X-API-Key header)")
class OpenApiSecuritySchemes {
}
