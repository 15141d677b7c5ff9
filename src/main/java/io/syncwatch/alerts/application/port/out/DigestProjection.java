package io.syncwatch.alerts.application.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.syncwatch.health.DetailedState;
import io.syncwatch.alerts.domain.DigestIntegration;
import io.syncwatch.platform.AccountId;

/** The digest's own projection of integrations and their daily imported counts, fed by events. */
public interface DigestProjection {

    void stateChanged(AccountId account, long integrationId, String name, String platform, DetailedState state,
            @Nullable String message, @Nullable String action, Instant at, boolean recovered);

    void runFinished(AccountId account, long integrationId, Instant finishedAt, @Nullable Instant lastDataAt,
            @Nullable Instant nextRunAt, long imported);

    Optional<DigestIntegration> findIntegration(AccountId account, long integrationId);

    List<DigestIntegration> integrations(AccountId account);

    /** Imported per integration per day, for days from {@code from} on. */
    Map<Long, Map<LocalDate, Long>> dailyImported(AccountId account, LocalDate from);

    List<AccountId> accounts();

    /**
     * Claims the weekly digest of one slot (the scheduled time) for one account, in the caller's
     * transaction: true for exactly one caller; false if another instance claimed it (waiting for
     * that transaction if it is still open, so a rolled-back claim can be taken over).
     */
    boolean claimDigest(Instant slot, AccountId account, Instant now);
}
