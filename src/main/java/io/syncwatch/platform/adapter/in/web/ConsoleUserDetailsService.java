package io.syncwatch.platform.adapter.in.web;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.application.PlatformProperties;
import io.syncwatch.platform.application.port.in.SignIn;
import io.syncwatch.platform.domain.SupportStaff;

/**
 * Loads console users (throttling is {@link ThrottledAuthenticationProvider}'s). The users listed in
 * {@code syncwatch.support.users} (comma-separated login e-mails, empty by default) are
 * Syncwatch's support staff: they get {@link CurrentUser#SYNCWATCH_SUPPORT_AUTHORITY} on top of
 * their account permissions (decision 0008).
 */
@Component
class ConsoleUserDetailsService implements UserDetailsService {

    private final SignIn signIn;
    private final SupportStaff supportUsers;

    private final Clock clock;

    @Autowired
    ConsoleUserDetailsService(SignIn signIn, PlatformProperties properties, Clock clock) {
        this(signIn, properties.support().users(), clock);
    }

    ConsoleUserDetailsService(SignIn signIn, String supportUsers, Clock clock) {
        this.signIn = signIn;
        this.clock = clock;
        this.supportUsers = SupportStaff.parse(supportUsers);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return signIn.candidate(username)
                .map(c -> new SyncwatchPrincipal(c.user().accountId(), c.user().id(), c.user().email(),
                        c.user().displayName(), c.user().passwordHash(), c.effectivePermissions(), c.user().enabled(),
                        clock.instant(), supportUsers.includes(c.user().email())))
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
    }
}
