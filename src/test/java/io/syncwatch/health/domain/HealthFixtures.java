package io.syncwatch.health.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.platform.AccountId;

/** Builds the other modules' event records for health tests. */
public final class HealthFixtures {

    private HealthFixtures() {
    }

    /** Each snapshot built here is a later change than every one built before (its version is higher). */
    private static final AtomicLong VERSIONS = new AtomicLong();

    public static IntegrationSnapshot snapshot(long id, long account, String name, Lifecycle lifecycle,
            @Nullable PauseReason reason, Instant connectedAt) {
        return new IntegrationSnapshot(IntegrationId.of(id), new AccountId(account), name, "zendesk",
                Environment.values()[0], Schedule.HOURLY, ImportFilters.none(), lifecycle, reason,
                reason == null ? null : "because", connectedAt, VERSIONS.incrementAndGet());
    }

    /** The same integration after a later change: {@code snapshot} with this lifecycle and pause reason. */
    public static IntegrationSnapshot later(IntegrationSnapshot snapshot, Lifecycle lifecycle, @Nullable PauseReason reason) {
        return new IntegrationSnapshot(snapshot.id(), snapshot.accountId(), snapshot.name(), snapshot.platform(),
                snapshot.environment(), snapshot.schedule(), snapshot.filters(), lifecycle, reason,
                reason == null ? null : "because", snapshot.connectedAt(), VERSIONS.incrementAndGet());
    }

    /** A run of one minute that finished at {@code at}; the next run is due an hour later. */
    public static ImportRunFinished finished(long id, long account, Instant at, RunOutcome outcome,
            @Nullable FailureCategory category, @Nullable String message, boolean first, @Nullable Instant lastSaved) {
        return new ImportRunFinished(new ImportRunId(at.toEpochMilli()), IntegrationId.of(id), new AccountId(account),
                RunTrigger.SCHEDULED, outcome, category, message,
                lastSaved == null ? ImportCounts.zero() : new ImportCounts(1, 1, 0, 0, 0, 0), lastSaved, first,
                at.minusSeconds(60), at, at.plus(Duration.ofHours(1)));
    }
}
