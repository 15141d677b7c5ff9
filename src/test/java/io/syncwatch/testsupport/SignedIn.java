package io.syncwatch.testsupport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import io.syncwatch.platform.CurrentUser;

/**
 * Signs a real (database) user in for browserless and module tests, with the same principal
 * and effective permissions the login form would give them.
 */
@Component
public class SignedIn {

    private final UserDetailsService users;
    /** This test context's strategy: the static holder belongs to whichever cached context started last. */
    private final SecurityContextHolderStrategy securityContext;

    public SignedIn(UserDetailsService users, ObjectProvider<SecurityContextHolderStrategy> strategies) {
        this.users = users;
        this.securityContext = strategies.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public void as(String email) {
        UserDetails user = users.loadUserByUsername(email);
        signIn(user, user.getAuthorities());
    }

    /**
     * Signs the user in as Syncwatch support staff: their account permissions plus the support
     * authority, which the sign-in gives to the users listed in {@code syncwatch.support.users}
     * (tests create users with random e-mails, so the list cannot name them).
     */
    public void asSyncwatchSupport(String email) {
        UserDetails user = users.loadUserByUsername(email);
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(CurrentUser.SYNCWATCH_SUPPORT_AUTHORITY));
        signIn(user, authorities);
    }

    private void signIn(UserDetails user, Collection<? extends GrantedAuthority> authorities) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        securityContext.setContext(context);
        SecurityContextHolder.setContext(context);
    }

    public void signOut() {
        securityContext.clearContext();
        SecurityContextHolder.clearContext();
    }
}
