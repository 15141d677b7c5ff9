package io.syncwatch.agentrequests.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.platform.AccountId;

/** Storage of Agent Connect API keys (SHA-256 hashes only). */
public interface AgentKeys {

    Optional<AgentKey> findByHash(String hash);

    AgentKey insert(AccountId account, String name, KeyKind kind, String displayPrefix, String hash, Instant createdAt);

    List<AgentKey> list(AccountId account);

    boolean rename(AccountId account, long keyId, String name);

    boolean revoke(AccountId account, long keyId, Instant at);
}
