package io.syncwatch.integrations.application;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * {@code syncwatch.integrations.*}: the integrations module's settings. The defaults are here and
 * nowhere else; an invalid value stops the start-up with the property's name.
 *
 * @param inactivityCheckInterval     how often development integrations without an API request for 14 days are
 *                                    marked inactive
 * @param inactivityCheckInitialDelay wait after start-up before the first such check
 */
@ConfigurationProperties("syncwatch.integrations")
@Validated
public record IntegrationsProperties(
        @DefaultValue("1h") @NotNull @DurationMin(millis = 1) Duration inactivityCheckInterval,
        @DefaultValue("1m") @NotNull @DurationMin(millis = 0) Duration inactivityCheckInitialDelay) {

    /** Registers these settings wherever the integrations module's beans are (also in its module tests). */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IntegrationsProperties.class)
    static class Registration {
    }
}
