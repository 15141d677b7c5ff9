package io.syncwatch.agentrequests.application;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * {@code syncwatch.agentrequests.*}: the Requests API's and the request log's settings. The
 * defaults are here and nowhere else; an invalid value stops the start-up with the property's name.
 *
 * @param rateLimitPerSecond requests per second one API key may send before it is answered 429
 * @param logBatchRows       most rows the request log's group commit writes in one transaction
 * @param logQueueBytes      most bytes of logged requests answered and waiting for their commit; past it callers wait
 *                           for room (decision 0005)
 * @param logAnswerWindow    a logged-only request is answered before its commit only while the oldest row waiting for
 *                           a commit is younger than this; past it, it waits for its own commit: a kill -9 loses at
 *                           most this much of answered traffic (decision 0005)
 * @param retention          how long the request log keeps a request; whole UTC days are removed (decision 0014)
 * @param retentionCron      when the request log is purged (a cron expression, UTC)
 * @param livePoll           how often an open API Status tab asks whether requests arrived since it was read
 */
@ConfigurationProperties("syncwatch.agentrequests")
@Validated
public record AgentRequestsProperties(@DefaultValue("50") @Positive long rateLimitPerSecond,
        @DefaultValue("200") @Positive int logBatchRows, @DefaultValue("67108864") @Positive long logQueueBytes,
        @DefaultValue("50ms") @NotNull @DurationMin(millis = 0) Duration logAnswerWindow,
        @DefaultValue("90d") @NotNull @DurationMin(days = 1) Duration retention,
        @DefaultValue("0 17 3 * * *") @NotBlank String retentionCron,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration livePoll) {

    /** Registers these settings wherever the agentrequests module's beans are (also in its module tests). */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AgentRequestsProperties.class)
    static class Registration {
    }
}
