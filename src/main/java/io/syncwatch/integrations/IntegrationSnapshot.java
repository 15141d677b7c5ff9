package io.syncwatch.integrations;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.AccountId;

/**
 * The state of an integration that other modules keep projections of (never any secret).
 * Every integrations event carries the snapshot after the change.
 */
public record IntegrationSnapshot(IntegrationId id, AccountId accountId, String name, String platform,
        Environment environment, Schedule schedule, ImportFilters filters, Lifecycle lifecycle,
        @Nullable PauseReason pauseReason, @Nullable String pauseDetail, Instant connectedAt) {

    /** Whether the scheduler may run it. */
    public boolean runnable() {
        return lifecycle == Lifecycle.ACTIVE;
    }
}
