package io.syncwatch.health.application.alerts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.syncwatch.health.domain.alerts.WebhookUrlPolicy;

/** The URL rules: loopback targets only when {@code syncwatch.alerts.allow-loopback=true}. */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    @Bean
    WebhookUrlPolicy webhookUrlPolicy(@Value("${syncwatch.alerts.allow-loopback:false}") boolean allowLoopback) {
        return new WebhookUrlPolicy(allowLoopback, WebhookUrlPolicy.DNS);
    }
}
