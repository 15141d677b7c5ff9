package io.syncwatch.health.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.syncwatch.health.domain.HealthFilter;
import io.syncwatch.health.domain.HealthNotification;
import io.syncwatch.health.domain.HealthSort;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** Reads health records, always scoped by the caller's account. */
public interface HealthQueries {

    List<HealthRecord> page(HealthFilter filter, List<HealthSort> sort, int offset, int limit);

    int count(HealthFilter filter);

    /** The caller's integration; empty for an unknown id or another account's. */
    Optional<HealthRecord> find(IntegrationId integration);

    /** For the integration page, which already resolved the integration within the account. */
    Optional<HealthRecord> find(AccountId account, IntegrationId integration);

    /** Internal notifications (quality assurance, credentials invalid) of the caller's account. */
    List<HealthNotification> notifications();

    Instant now();
}
