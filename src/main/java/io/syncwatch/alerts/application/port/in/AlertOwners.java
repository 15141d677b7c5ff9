package io.syncwatch.alerts.application.port.in;

import java.util.List;

/**
 * Who gets an integration's alert mails (caller's account; MANAGE_INTEGRATIONS). Owners are picked
 * from the account's users; a shared mailbox that is not a user may be added explicitly.
 */
public interface AlertOwners {

    /** What an owner entry is, and whether it is mailed. */
    enum Kind {
        /** An enabled user of the account: mailed. */
        USER(""),
        /** A user of the account who is disabled: not mailed until enabled again. */
        DISABLED_USER("disabled user, gets no mail"),
        /** An address added explicitly as a shared mailbox (not a user): mailed. */
        MAILBOX("shared mailbox"),
        /** A stored address that is not a user of this account (typed before, or user gone): not mailed. */
        NOT_A_USER("not a user of this account, gets no mail");

        private final String note;

        Kind(String note) {
            this.note = note;
        }

        public String note() {
            return note;
        }

        public boolean mailed() {
            return this == USER || this == MAILBOX;
        }
    }

    /** One owner: e-mail address, the user's name (blank when not a user) and what it is. */
    record Owner(String email, String name, Kind kind) {

        /** "Dana Admin <dana@example.com>", "team@example.com (shared mailbox)", … */
        public String label() {
            String who = name.isBlank() ? email : name + " <" + email + ">";
            return kind.note().isEmpty() ? who : who + " (" + kind.note() + ")";
        }
    }

    /** An integration known to alerts and its owners (empty: the account admins). */
    record Routing(long integrationId, String integrationName, String platform, List<Owner> owners) {

        public Routing {
            owners = List.copyOf(owners);
        }

        /** True when no owner would be mailed, so the account admins get the alerts. */
        public boolean fallsBackToAdmins() {
            return owners.stream().noneMatch(o -> o.kind().mailed());
        }
    }

    List<Routing> routing();

    /** The users who may be picked as owners: the account's enabled users, by name. */
    List<Owner> selectableUsers();

    /**
     * Checks an address to add as a shared mailbox (not a user): a valid e-mail address that is not
     * the address of a user of this account (pick the user instead).
     *
     * @throws IllegalArgumentException with a message for the admin
     */
    Owner mailbox(String address);

    /**
     * Sets the owners. Each owner must be an enabled user of the account, a valid shared mailbox, or
     * an entry already stored for the integration (a disabled user or a non-user address may be kept,
     * never newly added). Empty resets to the account admins.
     *
     * @throws IllegalArgumentException with a message for the admin
     */
    void setOwners(long integrationId, List<Owner> owners);
}
