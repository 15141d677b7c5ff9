package io.syncwatch.platform.application.port.in;

import java.util.Set;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.domain.Account;
import io.syncwatch.platform.domain.User;

/** Creates accounts and their first users (demo data, tests, operators). */
public interface Onboarding {

    Account createAccount(String name, Set<FeatureFlag> flags);

    User createUser(AccountId account, String email, String displayName, String password, Set<Permission> permissions);

    /** Registers an API key with a known value (demo data only). */
    void registerApiKey(AccountId account, String name, String clearValue);
}
