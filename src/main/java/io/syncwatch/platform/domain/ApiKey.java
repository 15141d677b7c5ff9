package io.syncwatch.platform.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.AccountId;

/** An account API key for the REST API. Only its SHA-256 hash and a display prefix are kept. */
public record ApiKey(@Nullable Long id, AccountId accountId, String name, String prefix, String hash,
        Instant createdAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }

    public ApiKey revoke(Instant now) {
        return new ApiKey(id, accountId, name, prefix, hash, createdAt, now, lastUsedAt);
    }
}
