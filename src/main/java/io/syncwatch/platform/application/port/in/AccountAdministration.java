package io.syncwatch.platform.application.port.in;

import java.util.List;
import java.util.Set;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.UserId;
import io.syncwatch.platform.domain.Account;
import io.syncwatch.platform.domain.ApiKey;
import io.syncwatch.platform.domain.User;

/** Account-admin use cases, always scoped to the caller's own account. */
public interface AccountAdministration {

    Account account(AccountId account);

    Account changeFlags(AccountId account, Set<FeatureFlag> flags);

    List<User> users(AccountId account);

    User addUser(AccountId account, NewUser command);

    User changePermissions(AccountId account, UserId user, Set<Permission> permissions);

    User setEnabled(AccountId account, UserId user, boolean enabled);

    /** Sets a new password for another user of the account and signs all of that user's sessions out. */
    User resetPassword(AccountId account, UserId user, String newPassword);

    /** Signs every session of the user out (each is refused at its next request). */
    User signOutEverywhere(AccountId account, UserId user);

    List<ApiKey> apiKeys(AccountId account);

    CreatedApiKey createApiKey(AccountId account, String name);

    void revokeApiKey(AccountId account, long keyId);

    record NewUser(String email, String displayName, String password, Set<Permission> permissions) {
    }

    /** The clear key is returned once, here, and never again. */
    record CreatedApiKey(ApiKey key, String clearValue) {
    }
}
