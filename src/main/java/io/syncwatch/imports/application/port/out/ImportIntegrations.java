package io.syncwatch.imports.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.syncwatch.imports.domain.ImportIntegration;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;

/** The projection of integrations, their checkpoints and their next scheduled run. */
public interface ImportIntegrations {

    /**
     * Projects the snapshot: inserts the integration, or updates it when the snapshot is
     * {@linkplain IntegrationSnapshot#newerThan newer} than the one projected (one integration's events
     * can arrive in any order; an older or repeated snapshot changes nothing). An integration that
     * becomes active without a next run is due at {@code now}.
     */
    void save(IntegrationSnapshot snapshot, Instant now);

    Optional<ImportIntegration> find(IntegrationId id);

    default Optional<ImportIntegration> find(AccountId account, IntegrationId id) {
        return find(id).filter(i -> i.accountId().equals(account));
    }

    List<ImportIntegration> ofAccount(AccountId account);

    /** Active integrations whose next run is due (one being run is not due again until it ends). */
    List<IntegrationId> due(Instant now, int limit);

    /** Locks the integration's row until the caller's transaction ends (who runs it is decided one at a time). */
    void lock(IntegrationId id);

    void scheduleNext(IntegrationId id, Instant nextRunAt);

    Optional<String> checkpoint(IntegrationId id);

    void saveCheckpoint(IntegrationId id, AccountId account, String checkpoint, Instant now);
}
