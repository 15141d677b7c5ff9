package io.syncwatch.platform.adapter.out.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("account_api_key")
record ApiKeyRow(@Id @Nullable Long id, long accountId, String name, String keyPrefix, String keyHash,
        Instant createdAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {
}
