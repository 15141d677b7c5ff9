package io.syncwatch.imports.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.syncwatch.imports.domain.ImportIntegration;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;

/** The projection of integrations, their checkpoints and the per-integration run claim. */
public interface ImportIntegrations {

    /** Inserts or updates; an integration that becomes active without a next run is due at {@code now}. */
    void save(IntegrationSnapshot snapshot, Instant now);

    Optional<ImportIntegration> find(IntegrationId id);

    default Optional<ImportIntegration> find(AccountId account, IntegrationId id) {
        return find(id).filter(i -> i.accountId().equals(account));
    }

    List<ImportIntegration> ofAccount(AccountId account);

    /** Active integrations whose next run is due and that nobody holds. */
    List<IntegrationId> due(Instant now, int limit);

    /** Claims the integration for one run until {@code until}; false when someone else holds it. */
    boolean claim(IntegrationId id, String owner, Instant now, Instant until);

    void extendClaim(IntegrationId id, String owner, Instant until);

    /** Releases the claim; sets the next run when given. */
    void release(IntegrationId id, String owner, @Nullable Instant nextRunAt);

    Optional<String> checkpoint(IntegrationId id);

    void saveCheckpoint(IntegrationId id, AccountId account, String checkpoint, Instant now);
}
