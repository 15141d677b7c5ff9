package io.syncwatch.platform.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.UserId;

/**
 * A console user. Sign-in throttling lives outside the user (shared Bucket4j budgets, decision
 * 0003); {@code sessionsRevokedAt} is when an admin last signed all of the user's sessions out:
 * a session that signed in before it is no longer valid.
 */
public record User(@Nullable UserId id, AccountId accountId, String email, String displayName, String passwordHash,
        Set<Permission> permissions, boolean enabled, @Nullable Instant sessionsRevokedAt) {

    public User {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    public static User create(AccountId account, String email, String displayName, String passwordHash,
            Set<Permission> permissions) {
        return new User(null, account, email.trim().toLowerCase(), displayName, passwordHash, permissions, true, null);
    }

    public User withPermissions(Set<Permission> newPermissions) {
        return new User(id, accountId, email, displayName, passwordHash, newPermissions, enabled, sessionsRevokedAt);
    }

    public User withEnabled(boolean newEnabled) {
        return new User(id, accountId, email, displayName, passwordHash, permissions, newEnabled, sessionsRevokedAt);
    }

    public User withPasswordHash(String newHash) {
        return new User(id, accountId, email, displayName, newHash, permissions, enabled, sessionsRevokedAt);
    }

    /** Every session that signed in before {@code now} is signed out. */
    public User withSessionsRevoked(Instant now) {
        return new User(id, accountId, email, displayName, passwordHash, permissions, enabled, now);
    }

    /** Whether a session that signed in at {@code signedInAt} is still valid. */
    public boolean sessionValid(Instant signedInAt) {
        return sessionsRevokedAt == null || signedInAt.isAfter(sessionsRevokedAt);
    }

    /** Permissions that are granted and whose feature flag the account has. */
    public Set<Permission> effectivePermissions(Set<FeatureFlag> accountFlags) {
        return permissions.stream()
                .filter(p -> p.requiredFlag() == null || accountFlags.contains(p.requiredFlag()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
