package io.syncwatch.health.application;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.health.CredentialsDeclaredInvalid;
import io.syncwatch.health.IntegrationStateChanged;
import io.syncwatch.health.QualityAssuranceTriggered;
import io.syncwatch.health.application.port.in.HealthTracking;
import io.syncwatch.health.application.port.out.HealthRecords;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.health.domain.HealthRecord.Change;
import io.syncwatch.health.domain.HealthRecord.Decision;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunRetrying;
import io.syncwatch.imports.ImportRunStarted;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;

/**
 * Applies each event to the one health record it concerns (one read by primary key, one
 * write), publishes {@link IntegrationStateChanged} on every detailed-state change, and acts on
 * the record's decisions (credentials invalid, quality assurance). An integration event is applied
 * from the snapshot it carries: listeners run concurrently and may see an integration's events
 * out of order (connected, configured and paused within milliseconds, or one resubmitted a
 * minute later), and the record applies a snapshot only when it is newer than the one it
 * projects ({@link HealthRecord#apply}, decision 0022).
 */
@Service
@Transactional
class HealthTrackingService implements HealthTracking {

    static final String NOTIFICATION_LOG = "io.syncwatch.health.notifications";
    private static final Logger log = LoggerFactory.getLogger(HealthTrackingService.class);
    private static final Logger notificationLog = LoggerFactory.getLogger(NOTIFICATION_LOG);

    private final HealthRecords records;
    private final ApplicationEventPublisher events;
    private final IntegrationOperations integrations;
    private final HealthUpdateBroadcaster broadcaster;
    private final Clock clock;

    HealthTrackingService(HealthRecords records, ApplicationEventPublisher events,
            IntegrationOperations integrations, HealthUpdateBroadcaster broadcaster, Clock clock) {
        this.records = records;
        this.events = events;
        this.integrations = integrations;
        this.broadcaster = broadcaster;
        this.clock = clock;
    }

    @Override
    public void integrationChanged(IntegrationSnapshot snapshot) {
        onceCreated(read -> {
            var existing = read.apply(snapshot.id());
            HealthRecord record = existing.orElseGet(() -> HealthRecord.of(snapshot));
            Change change = record.apply(snapshot);
            finish(record, existing.isEmpty() ? change.withPrevious(null) : change, existing.isEmpty());
        });
    }

    @Override
    public void integrationReconnected(IntegrationSnapshot snapshot) {
        onceCreated(read -> {
            var existing = read.apply(snapshot.id());
            HealthRecord record = existing.orElseGet(() -> HealthRecord.of(snapshot));
            Change change = record.reconnected(snapshot);
            finish(record, existing.isEmpty() ? change.withPrevious(null) : change, existing.isEmpty());
        });
    }

    @Override
    public void runStarted(ImportRunStarted event) {
        update(event.accountId(), event.integrationId(), r -> r.runStarted(event.startedAt()));
    }

    @Override
    public void runRetrying(ImportRunRetrying event) {
        update(event.accountId(), event.integrationId(), r -> r.runRetrying(event));
    }

    @Override
    public void runFinished(ImportRunFinished event) {
        update(event.accountId(), event.integrationId(), r -> r.runFinished(event));
    }

    /**
     * Runs a read-apply-save of one record. The read locks an existing record, so concurrent events of
     * one integration apply one after the other and none is lost; if several events create the same
     * record at once, those whose insert meets the created row read it again (locked exclusively by
     * their upsert, so no shared-to-exclusive upgrade can deadlock) and apply their change to it.
     */
    private void onceCreated(java.util.function.Consumer<Function<IntegrationId, Optional<HealthRecord>>> readApplySave) {
        try {
            readApplySave.accept(records::findForUpdate);
        } catch (CreatedConcurrently createdConcurrently) {
            log.debug("Health record of integration {} created concurrently; applying the event to it",
                    createdConcurrently.integration);
            // it exists now: a locking read sees it (a plain one would still read this transaction's snapshot)
            readApplySave.accept(records::lockExisting);
        }
    }

    private void update(AccountId account, IntegrationId id, Function<HealthRecord, Change> action) {
        onceCreated(read -> updateOnce(account, id, action, read));
    }

    private void updateOnce(AccountId account, IntegrationId id, Function<HealthRecord, Change> action,
            Function<IntegrationId, Optional<HealthRecord>> read) {
        Optional<HealthRecord> found = read.apply(id);
        boolean isNew = found.isEmpty();
        if (found.isEmpty()) {
            // The run's event overtook every event of the integration (a run event carries no snapshot):
            // the record can only start from the integration's state, read once here. It is the current
            // snapshot with its version, so the integration's older events, arriving later, change nothing.
            found = integrations.find(account, id).map(HealthRecord::of);
        }
        if (found.isEmpty() || !found.get().accountId().equals(account)) {
            log.warn("Run event for unknown integration {} ignored", id);
            return;
        }
        HealthRecord record = found.get();
        finish(record, action.apply(record), isNew);
    }

    /** A new record met one a concurrent listener had just created; nothing was written yet. */
    private static final class CreatedConcurrently extends RuntimeException {
        private final IntegrationId integration;

        CreatedConcurrently(IntegrationId integration) {
            super(null, null, false, false);
            this.integration = integration;
        }
    }

    private void finish(HealthRecord record, Change change, boolean isNew) {
        if (!records.save(record, isNew)) {
            throw new CreatedConcurrently(record.integrationId());
        }
        var now = clock.instant();
        if (change.stateChanged()) {
            events.publishEvent(new IntegrationStateChanged(record.integrationId(), record.accountId(), record.name(),
                    record.platform(), change.previous(), change.current(), record.message(),
                    record.recommendedAction(), now));
        }
        if (change.decision() == Decision.DECLARE_CREDENTIALS_INVALID) {
            String detail = "Every run since " + record.authFailingSince() + " failed on authentication";
            events.publishEvent(new CredentialsDeclaredInvalid(record.integrationId(), record.accountId(), record.name(),
                    record.platform(), record.authFailingSince() == null ? now : record.authFailingSince(), now));
            records.notify(record.accountId(), record.integrationId(), record.name(), "CREDENTIALS_INVALID", detail, now);
            notificationLog.warn("Credentials invalid: integration {} ({}) of account {}: {}", record.integrationId(),
                    record.name(), record.accountId(), detail);
            integrations.holdForInvalidCredentials(record.integrationId(), detail);
        } else if (change.decision() == Decision.HOLD_FOR_QUALITY_ASSURANCE) {
            String message = record.message() == null ? "The first run had problems" : record.message();
            events.publishEvent(new QualityAssuranceTriggered(record.integrationId(), record.accountId(), record.name(),
                    record.platform(), message, now));
            records.notify(record.accountId(), record.integrationId(), record.name(), "QUALITY_ASSURANCE", message, now);
            notificationLog.warn("Quality assurance: first run of integration {} ({}) of account {} had problems: {}",
                    record.integrationId(), record.name(), record.accountId(), message);
            integrations.holdForQualityAssurance(record.integrationId(), message);
        }
        broadcaster.changed(record.accountId(), record.integrationId());
    }
}
