package io.syncwatch.imports.application;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * {@code syncwatch.imports.*}: the import pipeline's settings. The defaults are here and nowhere
 * else; an invalid value stops the start-up with the property's name.
 *
 * @param pageSize        conversations asked of a source per page
 * @param retry           retries of a page after a transient source failure
 * @param defaultLookback how far back an integration's first run imports when its filters name no start
 * @param scheduler       the kernel scheduler's check for due integrations
 * @param outage          a run stopped by a database outage (decision 0013)
 */
@ConfigurationProperties("syncwatch.imports")
@Validated
public record ImportsProperties(@DefaultValue("200") @Positive int pageSize, @DefaultValue @Valid @NotNull Retry retry,
        @DefaultValue("30d") @NotNull @DurationMin(millis = 1) Duration defaultLookback,
        @DefaultValue @Valid @NotNull Scheduler scheduler, @DefaultValue @Valid @NotNull Outage outage) {

    /**
     * @param maxAttempts tries of a page (1: no retry)
     * @param backoff     wait before the second try, doubled before each further one
     */
    public record Retry(@DefaultValue("3") @Positive int maxAttempts,
            @DefaultValue("2s") @NotNull @DurationMin(millis = 0) Duration backoff) {
    }

    /**
     * @param enabled    false: due integrations are not started by the scheduler (tests drive imports by hand)
     * @param checkEvery how often the kernel scheduler checks for due integrations
     */
    public record Scheduler(@DefaultValue("true") boolean enabled,
            @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration checkEvery) {
    }

    /**
     * @param retryAfter a run stopped by a database outage is tried again after this long, from its last checkpoint
     * @param finishFor  finishing such a run (outcome, log, ImportRunFinished) is retried with growing waits for this
     *                   long, then the run is marked failed on its own
     */
    public record Outage(@DefaultValue("1m") @NotNull @DurationMin(millis = 1) Duration retryAfter,
            @DefaultValue("10m") @NotNull @DurationMin(millis = 1) Duration finishFor) {
    }

    /** Registers these settings wherever the imports module's beans are (also in its module tests). */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ImportsProperties.class)
    static class Registration {
    }
}
