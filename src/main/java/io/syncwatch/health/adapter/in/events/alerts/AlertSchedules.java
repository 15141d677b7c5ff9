package io.syncwatch.health.adapter.in.events.alerts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.syncwatch.health.application.port.in.alerts.HealthDigest;
import io.syncwatch.health.application.port.in.alerts.HeldAlertMails;
import io.syncwatch.health.application.port.in.alerts.WebhookDispatch;

/**
 * Drives the webhook outbox (every {@code syncwatch.alerts.dispatch-interval}, default 10 s) and
 * the weekly digest ({@code syncwatch.alerts.digest-cron}, default Mondays 07:00 UTC) and the
 * summaries of alert mails held back by the hourly throttle ({@code syncwatch.alerts.held-mail-interval},
 * default one minute). Off with
 * {@code syncwatch.alerts.scheduling.enabled=false} (tests drive both by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "syncwatch.alerts.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class AlertSchedules {

    private final WebhookDispatch dispatch;
    private final HealthDigest digest;
    private final HeldAlertMails heldMails;

    AlertSchedules(WebhookDispatch dispatch, HealthDigest digest, HeldAlertMails heldMails) {
        this.dispatch = dispatch;
        this.digest = digest;
        this.heldMails = heldMails;
    }

    @Scheduled(fixedDelayString = "${syncwatch.alerts.held-mail-interval:PT1M}", initialDelayString = "PT45S")
    void heldAlertSummaries() {
        heldMails.sendDueSummaries();
    }

    @Scheduled(fixedDelayString = "${syncwatch.alerts.dispatch-interval:PT10S}", initialDelayString = "PT30S")
    void dispatchDue() {
        dispatch.dispatchDue();
    }

    @Scheduled(cron = "${syncwatch.alerts.digest-cron:0 0 7 * * MON}", zone = "UTC")
    void weeklyDigest() {
        digest.sendWeekly();
    }
}
