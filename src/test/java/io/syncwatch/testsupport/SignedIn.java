package io.syncwatch.testsupport;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

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
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        securityContext.setContext(context);
        SecurityContextHolder.setContext(context);
    }

    public void signOut() {
        securityContext.clearContext();
        SecurityContextHolder.clearContext();
    }
}
