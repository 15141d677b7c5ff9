package io.syncwatch.platform.application.port.out;

import java.util.List;
import java.util.Optional;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.domain.Account;

public interface Accounts {

    Account create(Account account);

    Account save(Account account);

    Optional<Account> find(AccountId id);

    /**
     * Only the account's feature flags (empty if there is no such account): one indexed read of one
     * column, for hot paths that need nothing else (the Requests API checks its flag on every cache miss).
     */
    java.util.Set<io.syncwatch.platform.FeatureFlag> flagsOf(AccountId id);

    Optional<Account> findByName(String name);

    List<Account> findAll();
}
