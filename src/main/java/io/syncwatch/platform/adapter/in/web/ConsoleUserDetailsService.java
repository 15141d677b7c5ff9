package io.syncwatch.platform.adapter.in.web;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.domain.SupportStaff;
import io.syncwatch.platform.application.port.in.SignIn;

/**
 * Loads console users and counts failed sign-ins for the lock-out rule. The users listed in
 * {@code syncwatch.support.users} (comma-separated login e-mails, empty by default) are
 * Syncwatch's support staff: they get {@link CurrentUser#SYNCWATCH_SUPPORT_AUTHORITY} on top of
 * their account permissions (decision 0008).
 */
@Component
class ConsoleUserDetailsService implements UserDetailsService {

    private final SignIn signIn;
    private final SupportStaff supportUsers;

    ConsoleUserDetailsService(SignIn signIn, @Value("${syncwatch.support.users:}") String supportUsers) {
        this.signIn = signIn;
        this.supportUsers = SupportStaff.parse(supportUsers);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return signIn.candidate(username)
                .map(c -> new SyncwatchPrincipal(c.user().accountId(), c.user().id(), c.user().email(),
                        c.user().displayName(), c.user().passwordHash(), c.effectivePermissions(), c.user().enabled(),
                        c.locked(), supportUsers.includes(c.user().email())))
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String username) {
            signIn.recordFailure(username);
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SyncwatchPrincipal principal) {
            signIn.recordSuccess(principal.email());
        }
    }
}
