package io.syncwatch.platform;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: a signed-in user or an API client authenticated with an account API key.
 * Use cases take the account from here so that every query is scoped to it.
 */
public interface CurrentUser {

    /** The caller's account; throws if nobody is authenticated. */
    AccountId accountId();

    /** The signed-in user, empty for API clients. */
    Optional<UserId> userId();

    /** A name for audit trails: the user's e-mail or the API key's name. */
    String actorName();

    /** The caller's effective permissions (granted and enabled by the account's flags). */
    Set<Permission> permissions();

    default boolean has(Permission permission) {
        return permissions().contains(permission);
    }

    boolean isAuthenticated();
}
