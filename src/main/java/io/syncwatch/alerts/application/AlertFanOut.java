package io.syncwatch.alerts.application;


import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.health.CredentialsDeclaredInvalid;
import io.syncwatch.health.DetailedState;
import io.syncwatch.health.IntegrationStateChanged;
import io.syncwatch.health.QualityAssuranceTriggered;
import io.syncwatch.health.SummaryStatus;
import io.syncwatch.alerts.application.port.in.AlertEvents;
import io.syncwatch.alerts.application.port.out.DigestProjection;
import io.syncwatch.alerts.domain.DigestIntegration;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.alerts.domain.WebhookPayload;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.platform.ConsoleRoutes;

/** Turns health and import events into webhook deliveries, throttled mails and digest facts. */
@Service
@Transactional
class AlertFanOut implements AlertEvents {

    private final WebhookOutbox outbox;
    private final AlertMailing mailing;
    private final DigestProjection projection;

    AlertFanOut(WebhookOutbox outbox, AlertMailing mailing, DigestProjection projection) {
        this.outbox = outbox;
        this.mailing = mailing;
        this.projection = projection;
    }

    @Override
    public void stateChanged(IntegrationStateChanged e) {
        long id = e.integrationId().value();
        // back to Active from a state a run caused (never from setup, a pause or the wait for a first run)
        boolean recovered = e.current() == DetailedState.ACTIVE && e.previous() != null && e.previous().unhealthy();
        projection.stateChanged(e.accountId(), id, e.integrationName(), e.platform(), e.current(), e.message(),
                e.recommendedAction(), e.occurredAt(), recovered);
        String eventId = WebhookOutbox.newEventId();
        outbox.publish(e.accountId(), eventId, WebhookEventType.STATE_CHANGED,
                WebhookPayload.of(eventId, WebhookEventType.STATE_CHANGED, e.occurredAt(), e.accountId().value())
                        .integration(id, e.integrationName(), e.platform()).states(e.previous(), e.current())
                        .put("message", e.message()).put("recommendedAction", e.recommendedAction()));
        if (e.current().summary() == SummaryStatus.ERROR) {
            String about = e.integrationName() + " (" + e.platform() + "): " + e.current().label();
            mailing.alert(e.accountId(), id, e.current().name(), about, "[Syncwatch] " + about,
                    text(e.integrationName(), e.platform(), e.current().label(), e.message(), e.recommendedAction(), id));
        }
    }

    @Override
    public void runFinished(ImportRunFinished e) {
        long id = e.integrationId().value();
        projection.runFinished(e.accountId(), id, e.finishedAt(), e.lastRecordSavedAt(), e.nextRunAt(),
                e.counts().imported());
        if (e.outcome() == RunOutcome.FAILED) {
            DigestIntegration known = projection.findIntegration(e.accountId(), id).orElse(null);
            String eventId = WebhookOutbox.newEventId();
            outbox.publish(e.accountId(), eventId, WebhookEventType.RUN_FAILED,
                    WebhookPayload.of(eventId, WebhookEventType.RUN_FAILED, e.finishedAt(), e.accountId().value())
                            .integration(id, known == null ? null : known.name(), known == null ? null : known.platform())
                            .put("runId", e.runId().toString())
                            .put("failureCategory", e.failureCategory() == null ? null : e.failureCategory().name())
                            .put("message", e.message()));
        }
    }

    @Override
    public void credentialsInvalid(CredentialsDeclaredInvalid e) {
        long id = e.integrationId().value();
        String name = e.integrationName();
        String platform = e.platform();
        String message = "Every run since " + e.failingSince() + " failed on authentication; the schedule is paused.";
        String action = "Reconnect the integration with valid credentials.";
        String eventId = WebhookOutbox.newEventId();
        outbox.publish(e.accountId(), eventId, WebhookEventType.CREDENTIALS_INVALID,
                WebhookPayload.of(eventId, WebhookEventType.CREDENTIALS_INVALID, e.occurredAt(), e.accountId().value())
                        .integration(id, name, platform)
                        .put("failingSince", e.failingSince().toString()).put("message", message)
                        .put("recommendedAction", action));
        String about = name + " (" + platform + "): " + DetailedState.CREDENTIALS_INVALID.label();
        mailing.alert(e.accountId(), id, DetailedState.CREDENTIALS_INVALID.name(), about,
                "[Syncwatch] " + name + ": " + DetailedState.CREDENTIALS_INVALID.label(),
                text(name, platform, DetailedState.CREDENTIALS_INVALID.label(), message, action, id));
    }

    @Override
    public void qualityAssurance(QualityAssuranceTriggered e) {
        long id = e.integrationId().value();
        String eventId = WebhookOutbox.newEventId();
        outbox.publish(e.accountId(), eventId, WebhookEventType.QUALITY_ASSURANCE,
                WebhookPayload.of(eventId, WebhookEventType.QUALITY_ASSURANCE, e.occurredAt(), e.accountId().value())
                        .integration(id, e.integrationName(), e.platform())
                        .put("message", e.message()));
    }

    private String text(String name, String platform, String state, @Nullable String message, @Nullable String action,
            long id) {
        return name + " (" + platform + ") is now: " + state + "\n\n" + (message == null ? "" : message + "\n")
                + (action == null ? "" : "Recommended action: " + action + "\n") + "\n"
                + mailing.link(ConsoleRoutes.integration(id)) + "\n";
    }

}
