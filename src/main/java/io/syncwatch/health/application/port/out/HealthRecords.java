package io.syncwatch.health.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.syncwatch.health.domain.HealthFilter;
import io.syncwatch.health.domain.HealthSort;
import io.syncwatch.health.domain.HealthNotification;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** Storage of health records: one row per integration, read and written by primary key. */
public interface HealthRecords {

    Optional<HealthRecord> find(IntegrationId integration);

    void save(HealthRecord record);

    List<HealthRecord> page(AccountId account, HealthFilter filter, List<HealthSort> sort, int offset, int limit);

    int count(AccountId account, HealthFilter filter);

    void notify(AccountId account, IntegrationId integration, String integrationName, String kind, String message,
            Instant at);

    List<HealthNotification> notifications(AccountId account);
}
