package io.syncwatch.health.application;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * {@code syncwatch.health.*}: the health module's settings. The defaults are here and nowhere
 * else; an invalid value stops the start-up with the property's name.
 *
 * @param livePoll while a Platforms tab or an integration page is open, how often this instance looks for health
 *                 records other instances changed (their pages then update without reload)
 */
@ConfigurationProperties("syncwatch.health")
@Validated
public record HealthProperties(@DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration livePoll) {

    /** Registers these settings wherever the health module's beans are (also in its module tests). */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HealthProperties.class)
    static class Registration {
    }
}
