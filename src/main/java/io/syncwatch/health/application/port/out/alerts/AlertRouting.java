package io.syncwatch.health.application.port.out.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.syncwatch.platform.AccountId;

/** Per-integration alert owners, the mail throttle log, alerts held back by it, and admin notices. */
public interface AlertRouting {

    record Notice(String message, Instant createdAt) {
    }

    /**
     * Alerts of one integration and kind held back by the throttle: what they were about (e.g.
     * "Support desk (Zendesk): Sync failing"), how many, the first and last time, and when the
     * throttle window ends.
     */
    record HeldAlerts(AccountId account, long integrationId, String kind, String about, int count, Instant firstAt,
            Instant lastAt, Instant dueAt) {
    }

    Optional<String> ownerOf(AccountId account, long integrationId);

    Map<Long, String> owners(AccountId account);

    void setOwner(AccountId account, long integrationId, String recipients);

    Optional<Instant> lastMailed(AccountId account, long integrationId, String kind);

    void mailed(AccountId account, long integrationId, String kind, Instant at);

    /** Counts one more held alert (creating the row with first = last = at). */
    void hold(AccountId account, long integrationId, String kind, String about, Instant at, Instant dueAt);

    Optional<HeldAlerts> held(AccountId account, long integrationId, String kind);

    /** Held alerts of every account whose window ended at or before now, oldest first. */
    List<HeldAlerts> heldDue(Instant now, int limit);

    /**
     * Removes the held row if it is still exactly as read (same count): true when this caller
     * claimed it, false when another instance did or another alert was held meanwhile.
     */
    boolean release(HeldAlerts held);

    /** Puts released alerts back (their mail failed), merged with any held meanwhile. */
    void putBack(HeldAlerts held);

    void addNotice(AccountId account, String message, Instant at);

    List<Notice> notices(AccountId account, int limit);
}
