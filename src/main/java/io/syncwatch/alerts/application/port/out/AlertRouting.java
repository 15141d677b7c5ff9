package io.syncwatch.alerts.application.port.out;

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

    /**
     * An integration's stored owners: {@code users} are sign-in e-mails of the account's users (and
     * addresses stored before owners were picked from users, which may match no user);
     * {@code mailboxes} are shared addresses an admin added explicitly as "not a user".
     */
    record StoredOwners(List<String> users, List<String> mailboxes) {

        public static final StoredOwners NONE = new StoredOwners(List.of(), List.of());

        public StoredOwners {
            users = List.copyOf(users);
            mailboxes = List.copyOf(mailboxes);
        }

        public boolean isEmpty() {
            return users.isEmpty() && mailboxes.isEmpty();
        }
    }

    Optional<StoredOwners> ownerOf(AccountId account, long integrationId);

    Map<Long, StoredOwners> owners(AccountId account);

    /** Replaces the integration's owners; empty owners delete the row (the admins get the mails). */
    void setOwner(AccountId account, long integrationId, StoredOwners owners);

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
