package io.syncwatch.platform.domain;

import java.time.Duration;
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
 * A console user. Holds the lock-out rule: after {@link #MAX_FAILED_ATTEMPTS} failed sign-ins
 * in a row the user is locked for {@link #LOCK_DURATION}.
 */
public record User(@Nullable UserId id, AccountId accountId, String email, String displayName, String passwordHash,
        Set<Permission> permissions, boolean enabled, int failedAttempts, @Nullable Instant lockedUntil) {

    public static final int MAX_FAILED_ATTEMPTS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    public User {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    public static User create(AccountId account, String email, String displayName, String passwordHash,
            Set<Permission> permissions) {
        return new User(null, account, email.trim().toLowerCase(), displayName, passwordHash, permissions, true, 0, null);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public User recordFailedSignIn(Instant now) {
        int attempts = failedAttempts + 1;
        Instant until = attempts >= MAX_FAILED_ATTEMPTS ? now.plus(LOCK_DURATION) : lockedUntil;
        return new User(id, accountId, email, displayName, passwordHash, permissions, enabled,
                attempts >= MAX_FAILED_ATTEMPTS ? 0 : attempts, until);
    }

    public User recordSuccessfulSignIn() {
        return new User(id, accountId, email, displayName, passwordHash, permissions, enabled, 0, null);
    }

    public User withPermissions(Set<Permission> newPermissions) {
        return new User(id, accountId, email, displayName, passwordHash, newPermissions, enabled, failedAttempts, lockedUntil);
    }

    public User withEnabled(boolean newEnabled) {
        return new User(id, accountId, email, displayName, passwordHash, permissions, newEnabled, failedAttempts, lockedUntil);
    }

    /** Permissions that are granted and whose feature flag the account has. */
    public Set<Permission> effectivePermissions(Set<FeatureFlag> accountFlags) {
        return permissions.stream()
                .filter(p -> p.requiredFlag() == null || accountFlags.contains(p.requiredFlag()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
