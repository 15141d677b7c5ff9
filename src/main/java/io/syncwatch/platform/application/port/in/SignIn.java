package io.syncwatch.platform.application.port.in;

import java.util.Optional;
import java.util.Set;

import io.syncwatch.platform.Permission;
import io.syncwatch.platform.UserId;
import io.syncwatch.platform.domain.ApiKey;
import io.syncwatch.platform.domain.User;

/** What the security adapter needs to sign users and API clients in. */
public interface SignIn {

    Optional<SignInCandidate> candidate(String email);

    /** Whether a session that signed the user in at {@code signedInAt} is still valid (enabled, not signed out by an admin). */
    boolean sessionValid(UserId user, java.time.Instant signedInAt);

    /** Resolves a clear API key to an active key (and records its use), empty if unknown or revoked. */
    Optional<ApiKey> authenticateApiKey(String clearValue);

    record SignInCandidate(User user, Set<Permission> effectivePermissions) {
    }
}
