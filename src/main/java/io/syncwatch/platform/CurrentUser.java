package io.syncwatch.platform;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: a signed-in user or an API client authenticated with an account API key.
 * Use cases take the account from here so that every query is scoped to it.
 */
public interface CurrentUser {

    /**
     * The Spring authority of Syncwatch's own support staff (decision 0008). Not one of the
     * account permissions of spec 000: account admins cannot grant it; it is given at sign-in to
     * the console users listed in {@code syncwatch.support.users}.
     */
    String SYNCWATCH_SUPPORT_AUTHORITY = "ROLE_SYNCWATCH_SUPPORT";

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

    /**
     * Whether the caller is a signed-in member of Syncwatch's support staff (holds
     * {@link #SYNCWATCH_SUPPORT_AUTHORITY}); never true for API clients.
     */
    boolean isSyncwatchSupport();
}
