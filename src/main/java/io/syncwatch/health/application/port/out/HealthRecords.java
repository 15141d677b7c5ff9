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

    /**
     * The record, locked until the transaction ends, so that concurrent events of one integration
     * apply one after the other; empty if there is none yet.
     */
    Optional<HealthRecord> findForUpdate(IntegrationId integration);

    /** The record, locked, read as committed (not from this transaction's snapshot): for a record known to exist. */
    Optional<HealthRecord> lockExisting(IntegrationId integration);

    /**
     * Stores the record: inserts a new one (read as absent), else updates it by primary key. Returns
     * false, having written nothing, if a new record met one that a concurrent listener had just
     * created: the row is then locked for this transaction, and the caller applies its change to
     * it ({@link #lockExisting}).
     */
    boolean save(HealthRecord record, boolean isNew);

    List<HealthRecord> page(AccountId account, HealthFilter filter, List<HealthSort> sort, int offset, int limit);

    int count(AccountId account, HealthFilter filter);

    void notify(AccountId account, IntegrationId integration, String integrationName, String kind, String message,
            Instant at);

    List<HealthNotification> notifications(AccountId account);

    /**
     * The records of these accounts written after {@code since} (the database's clock), with their
     * change counters: how an instance learns what other instances changed.
     */
    List<Changed> changedSince(java.util.Collection<AccountId> accounts, Instant since);

    /** The database's clock, which stamps {@link Changed#changedAt()}. */
    Instant databaseNow();

    /** One record's change counter and when it was last written. */
    record Changed(AccountId account, IntegrationId integration, long version, Instant changedAt) {
    }
}
