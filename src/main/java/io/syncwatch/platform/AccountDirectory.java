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
}
