package io.syncwatch.alerts.adapter.in.events;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.syncwatch.alerts.application.AlertsProperties;
import io.syncwatch.alerts.application.port.in.HealthDigest;
import io.syncwatch.alerts.application.port.in.HeldAlertMails;
import io.syncwatch.alerts.application.port.in.WebhookDispatch;
import io.syncwatch.platform.scheduling.RecurringJobs;

/**
 * Recurring jobs of the kernel's scheduler (each on one instance at a time, once per slot): the
 * webhook outbox (every {@code syncwatch.alerts.dispatch-interval}, default 10 s), the weekly
 * digest ({@code syncwatch.alerts.digest-cron}, default Mondays 07:00 UTC) and the summaries of
 * alert mails held back by the hourly throttle ({@code syncwatch.alerts.held-mail-interval},
 * default one minute). Off with {@code syncwatch.alerts.scheduling.enabled=false} (tests drive
 * them by hand).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "syncwatch.alerts.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class AlertSchedules {

    static final String DIGEST = "weekly-health-digest";

    @Bean
    RecurringTask<Void> heldAlertSummariesTask(HeldAlertMails heldMails, AlertsProperties properties) {
        return RecurringJobs.every("held-alert-summaries", properties.heldMailInterval(), Duration.ofSeconds(45), heldMails::sendDueSummaries);
    }

    @Bean
    RecurringTask<Void> webhookDispatchTask(WebhookDispatch dispatch, AlertsProperties properties) {
        return RecurringJobs.every("webhook-dispatch", properties.dispatchInterval(), Duration.ofSeconds(30), dispatch::dispatchDue);
    }

    @Bean
    RecurringTask<Void> weeklyDigestTask(HealthDigest digest, AlertsProperties properties) {
        return RecurringJobs.cron(DIGEST, properties.digestCron(), digest::sendWeekly);
    }
}
