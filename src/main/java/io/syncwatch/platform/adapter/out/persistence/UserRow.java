package io.syncwatch.platform.adapter.out.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("app_user")
record UserRow(@Id @Nullable Long id, long accountId, String email, String displayName, String passwordHash,
        String permissions, boolean enabled, @Nullable Instant sessionsRevokedAt) {
}
