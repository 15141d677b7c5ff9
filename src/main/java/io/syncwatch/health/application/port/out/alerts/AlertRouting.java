package io.syncwatch.health.application.port.out.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.syncwatch.platform.AccountId;

/** Per-integration alert owners, the mail throttle log and admin notices. */
public interface AlertRouting {

    record Notice(String message, Instant createdAt) {
    }

    Optional<String> ownerOf(AccountId account, long integrationId);

    Map<Long, String> owners(AccountId account);

    void setOwner(AccountId account, long integrationId, String recipients);

    Optional<Instant> lastMailed(AccountId account, long integrationId, String kind);

    void mailed(AccountId account, long integrationId, String kind, Instant at);

    void addNotice(AccountId account, String message, Instant at);

    List<Notice> notices(AccountId account, int limit);
}
