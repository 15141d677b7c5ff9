package io.syncwatch.health.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.health.application.port.in.BulkActions;
import io.syncwatch.health.domain.HealthFilter;
import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.health.domain.HealthSort;
import io.syncwatch.health.application.port.out.HealthRecords;
import io.syncwatch.health.domain.HealthNotification;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.imports.ImportOperations;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.integrations.ReconnectRequired;
import io.syncwatch.integrations.ResumeRefused;
import io.syncwatch.integrations.SupportReEnableRequired;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;

/**
 * Account-scoped reads of health records and the Platforms tab's bulk actions. The bulk actions
 * run outside this class's read-only transaction: each integration is changed in its own
 * transaction by the owning module, so one refusal does not undo (or poison) the others. Resume
 * skips an integration held for invalid credentials or stopped for quality assurance: the
 * integrations module decides ({@link ReconnectRequired}, {@link SupportReEnableRequired}), so a
 * projection that is a moment behind cannot let one through.
 */
@Service
@Transactional(readOnly = true)
class HealthQueryService implements HealthQueries, BulkActions {

    private final HealthRecords records;
    private final CurrentUser currentUser;
    private final IntegrationOperations integrations;
    private final ImportOperations imports;
    private final Clock clock;

    HealthQueryService(HealthRecords records, CurrentUser currentUser, IntegrationOperations integrations,
            ImportOperations imports, Clock clock) {
        this.records = records;
        this.currentUser = currentUser;
        this.integrations = integrations;
        this.imports = imports;
        this.clock = clock;
    }

    @Override
    public List<HealthRecord> page(HealthFilter filter, List<HealthSort> sort, int offset, int limit) {
        return records.page(currentUser.accountId(), filter, sort, offset, limit);
    }

    @Override
    public int count(HealthFilter filter) {
        return records.count(currentUser.accountId(), filter);
    }

    @Override
    public Optional<HealthRecord> find(IntegrationId integration) {
        return find(currentUser.accountId(), integration);
    }

    @Override
    public Optional<HealthRecord> find(AccountId account, IntegrationId integration) {
        return records.find(integration).filter(r -> r.accountId().equals(account));
    }

    @Override
    public List<HealthNotification> notifications() {
        return records.notifications(currentUser.accountId());
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Result pause(Collection<IntegrationId> ids) {
        // only what actually changes is counted: an already paused (or held) one is left as it is
        return each(ids, s -> s.lifecycle() == io.syncwatch.integrations.Lifecycle.PAUSED ? ALREADY_PAUSED
                : s.lifecycle() == io.syncwatch.integrations.Lifecycle.SETUP ? IN_SETUP : null,
                (account, id) -> integrations.pause(account, id, currentUser.actorName()));
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Result resume(Collection<IntegrationId> ids) {
        // "3 integrations resumed" when one was paused was wrong: the others are not paused, and say so
        return each(ids, s -> s.lifecycle() != io.syncwatch.integrations.Lifecycle.PAUSED ? NOT_PAUSED : null,
                (account, id) -> integrations.resume(account, id, currentUser.actorName()));
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Result runNow(Collection<IntegrationId> ids) {
        return each(ids, s -> s.whyItCannotRun().orElse(null), (account, id) -> {
            imports.runNow(account, id, currentUser.actorName());
        });
    }

    /**
     * Runs the action on each integration in its own transaction. {@code leaveAlone} says why an
     * integration is skipped without trying (it would not change), read from its current state.
     */
    private Result each(Collection<IntegrationId> ids,
            java.util.function.Function<io.syncwatch.integrations.IntegrationSnapshot, @org.jspecify.annotations.Nullable String> leaveAlone,
            Action action) {
        AccountId account = currentUser.accountId();
        int ok = 0;
        List<String> failures = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (IntegrationId id : ids) {
            var record = find(account, id);
            if (record.isEmpty()) {
                failures.add("Integration " + id + " not found");
                continue;
            }
            // Not a listener's re-read: the user's bulk action asks the integrations module, at request time,
            // for the state it decides on; the health record may be a moment behind it
            var current = integrations.find(account, id);
            String why = current.map(leaveAlone).orElse(null);
            if (why != null) {
                skipped.add(new Skipped(record.get().name(), why));
                continue;
            }
            try {
                action.run(account, id);
                ok++;
            } catch (ResumeRefused e) {
                // held: only a Reconnect, or Syncwatch's re-enable (never in bulk), ends it
                skipped.add(new Skipped(record.get().name(), switch (e) {
                    case ReconnectRequired r -> RECONNECT_TO_RESUME;
                    case SupportReEnableRequired s -> RE_ENABLED_BY_SYNCWATCH;
                }));
            } catch (RuntimeException e) {
                failures.add(record.get().name() + ": " + e.getMessage());
            }
        }
        return new Result(ok, failures, skipped);
    }

    private interface Action {
        void run(AccountId account, IntegrationId id);
    }
}
