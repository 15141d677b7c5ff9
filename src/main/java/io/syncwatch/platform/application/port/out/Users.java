package io.syncwatch.platform.application.port.out;

import java.util.List;
import java.util.Optional;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.UserId;
import io.syncwatch.platform.domain.User;

public interface Users {

    User save(User user);

    Optional<User> findByEmail(String email);

    Optional<User> find(AccountId account, UserId id);

    Optional<User> find(UserId id);

    List<User> findByAccount(AccountId account);

    /** How many users exist, in every account. */
    long count();
}
