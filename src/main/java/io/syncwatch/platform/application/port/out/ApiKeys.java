package io.syncwatch.platform.application.port.out;

import java.util.List;
import java.util.Optional;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.domain.ApiKey;

public interface ApiKeys {

    ApiKey save(ApiKey key);

    Optional<ApiKey> findByHash(String hash);

    Optional<ApiKey> find(AccountId account, long id);

    List<ApiKey> findKeysByAccount(AccountId account);
}
