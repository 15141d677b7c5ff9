package io.syncwatch.platform.adapter.in.web;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.UserId;

@Component
class SecurityContextCurrentUser implements CurrentUser {

    /**
     * The application context's strategy (Vaadin's, which also looks in the Vaadin session),
     * not the JVM-wide static one: with several application contexts in one JVM (cached test
     * contexts) the static holder belongs to whichever context started last.
     */
    private final SecurityContextHolderStrategy securityContext;

    SecurityContextCurrentUser(ObjectProvider<SecurityContextHolderStrategy> strategies) {
        this.securityContext = strategies.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    @Override
    public AccountId accountId() {
        Object principal = principal();
        if (principal instanceof SyncwatchPrincipal user) {
            return user.accountId();
        }
        if (principal instanceof ApiClientPrincipal client) {
            return client.accountId();
        }
        throw new IllegalStateException("No authenticated caller");
    }

    @Override
    public Optional<UserId> userId() {
        return principal() instanceof SyncwatchPrincipal user ? Optional.ofNullable(user.userId()) : Optional.empty();
    }

    @Override
    public String actorName() {
        Object principal = principal();
        if (principal instanceof SyncwatchPrincipal user) {
            return user.email();
        }
        if (principal instanceof ApiClientPrincipal client) {
            return "API key \"" + client.keyName() + "\"";
        }
        return "system";
    }

    @Override
    public Set<Permission> permissions() {
        return principal() instanceof SyncwatchPrincipal user ? user.permissions() : Set.of();
    }

    @Override
    public boolean isAuthenticated() {
        Object principal = principal();
        return principal instanceof SyncwatchPrincipal || principal instanceof ApiClientPrincipal;
    }

    @Override
    public boolean isSyncwatchSupport() {
        Authentication authentication = securityContext.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SyncwatchPrincipal
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> SYNCWATCH_SUPPORT_AUTHORITY.equals(a.getAuthority()));
    }

    private Object principal() {
        Authentication authentication = securityContext.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return "anonymous";
        }
        return authentication.getPrincipal();
    }
}
