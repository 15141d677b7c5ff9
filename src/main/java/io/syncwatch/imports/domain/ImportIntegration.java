package io.syncwatch.imports.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.platform.AccountId;

/** This module's projection of an integration: what it needs to run it (fed by integrations' events). */
public record ImportIntegration(IntegrationId id, AccountId accountId, String name, String platform, Schedule schedule,
        ImportFilters filters, Lifecycle lifecycle, @Nullable Instant nextRunAt) {

    /** Only active integrations run; setup, paused (incl. inactive) and deleted ones never do. */
    public boolean runnable() {
        return lifecycle == Lifecycle.ACTIVE;
    }
}
