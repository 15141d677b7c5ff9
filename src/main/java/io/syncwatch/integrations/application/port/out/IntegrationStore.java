package io.syncwatch.integrations.application.port.out;

import java.util.List;
import java.util.Optional;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.domain.AuditEntry;
import io.syncwatch.integrations.domain.Integration;
import io.syncwatch.platform.AccountId;

/** Storage of integrations and their audit trail. */
public interface IntegrationStore {

    /** Inserts or updates, and appends the integration's pending audit entries. */
    Integration save(Integration integration);

    Optional<Integration> find(AccountId account, IntegrationId id);

    /** Regardless of account: for the system's own holds (health module decisions). */
    Optional<Integration> findAnyAccount(IntegrationId id);

    List<Integration> list(AccountId account, boolean includeDeleted);

    /** Development integrations that are active or in setup, across accounts. */
    List<Integration> developmentCandidates();

    List<AuditEntry> auditTrail(AccountId account, IntegrationId id);

    void touchApiRequest(AccountId account, IntegrationId id, java.time.Instant at);
}
