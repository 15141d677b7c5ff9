package io.syncwatch.alerts.application;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import io.syncwatch.alerts.domain.WebhookUrlPolicy;

/**
 * The URL rules: loopback targets only when {@code syncwatch.alerts.allow-loopback=true}; when the
 * property is not set, only the default demo run (profile {@code demo}) allows them.
 */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    @Bean
    WebhookUrlPolicy webhookUrlPolicy(Environment environment, AlertsProperties properties) {
        Boolean configured = properties.allowLoopback();
        boolean allowLoopback = configured != null ? configured : environment.acceptsProfiles(Profiles.of("demo"));
        return new WebhookUrlPolicy(allowLoopback, WebhookUrlPolicy.DNS);
    }
}
