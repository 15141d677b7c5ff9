package io.syncwatch.platform;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Read-only facts about accounts and their users that other modules may ask for. */
public interface AccountDirectory {

    Optional<AccountId> findAccountByName(String name);

    Set<FeatureFlag> flagsOf(AccountId account);

    /** E-mail addresses of the account's users holding the permission (e.g. admins to alert). */
    List<String> emailsOfUsersWith(AccountId account, Permission permission);

    /**
     * A user of an account as other modules may see it: sign-in e-mail (lower case), display name,
     * and whether the user is enabled (may sign in and be mailed).
     */
    record AccountUser(String email, String displayName, boolean enabled) {
    }

    /** Every user of the account, enabled or not, ordered by display name then e-mail. */
    List<AccountUser> usersOf(AccountId account);
}
