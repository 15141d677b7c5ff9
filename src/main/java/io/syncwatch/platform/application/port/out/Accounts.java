package io.syncwatch.platform.application.port.out;

import java.util.List;
import java.util.Optional;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.domain.Account;

public interface Accounts {

    Account create(Account account);

    Account save(Account account);

    Optional<Account> find(AccountId id);

    Optional<Account> findByName(String name);

    List<Account> findAll();
}
