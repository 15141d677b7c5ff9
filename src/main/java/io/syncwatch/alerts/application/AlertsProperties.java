package io.syncwatch.alerts.application;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code syncwatch.alerts.*}: webhooks, alert mails and the weekly digest. The defaults are here
 * and nowhere else; an invalid value stops the start-up with the property's name. (Links in alert
 * mails start with the console's address, the platform's {@code syncwatch.base-url}.)
 *
 * @param mailFrom          the sender of alert mails and the weekly digest (also env {@code SYNCWATCH_MAIL_FROM})
 * @param dispatchInterval  how often due webhook deliveries are sent
 * @param heldMailInterval  how often summaries of alert mails held back by the hourly throttle are sent when due
 * @param digestCron        when the weekly health digest goes out (a cron expression, UTC)
 * @param connectTimeout    connect timeout of a webhook delivery
 * @param readTimeout       read timeout of a webhook delivery
 * @param allowLoopback     whether webhooks may post to loopback addresses; not set: only in the demo profile
 * @param scheduling        the alert jobs on the kernel's scheduler
 */
@ConfigurationProperties("syncwatch.alerts")
@Validated
public record AlertsProperties(@DefaultValue("syncwatch@localhost") @NotBlank String mailFrom,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration dispatchInterval,
        @DefaultValue("1m") @NotNull @DurationMin(millis = 1) Duration heldMailInterval,
        @DefaultValue("0 0 7 * * MON") @NotBlank String digestCron,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration readTimeout,
        @Nullable Boolean allowLoopback, @DefaultValue @Valid @NotNull Scheduling scheduling) {

    /**
     * @param enabled false: the webhook dispatcher, held-alert summaries and the weekly digest are not scheduled (the
     *                alert tests drive them by hand)
     */
    public record Scheduling(@DefaultValue("true") boolean enabled) {
    }

    /** Registers these settings wherever the alerts module's beans are (also in its module tests). */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AlertsProperties.class)
    static class Registration {
    }
}
