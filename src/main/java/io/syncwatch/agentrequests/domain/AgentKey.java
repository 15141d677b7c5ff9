package io.syncwatch.agentrequests.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.AccountId;

/** An Agent Connect API key as stored: never the clear value, only its first characters for recognition. */
public record AgentKey(long id, AccountId accountId, String name, KeyKind kind, String displayPrefix, Instant createdAt,
        @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
