package io.syncwatch.platform.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.UserId;
import io.syncwatch.platform.application.port.in.SignIn;
import io.syncwatch.platform.application.port.in.SignIn.SignInCandidate;
import io.syncwatch.platform.domain.User;

/**
 * The sign-in gives Syncwatch's support authority only to the users listed in
 * {@code syncwatch.support.users}, on top of (never instead of) their account permissions.
 */
class SyncwatchSupportSignInTest {

    final SignIn signIn = mock(SignIn.class);

    void known(String email) {
        User user = new User(new UserId(1), new AccountId(1), email, "Someone", "{noop}x",
                EnumSet.of(Permission.MANAGE_INTEGRATIONS), true, null);
        when(signIn.candidate(email)).thenReturn(Optional.of(
                new SignInCandidate(user, Set.of(Permission.MANAGE_INTEGRATIONS))));
    }

    static Set<String> authorities(SyncwatchPrincipal principal) {
        return Set.copyOf(principal.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    @Test
    void aListedUserGetsTheSupportAuthorityOnTopOfTheirPermissions() {
        known("sam@syncwatch.test");
        var service = new ConsoleUserDetailsService(signIn, " Sam@Syncwatch.test , other@syncwatch.test", java.time.Clock.systemUTC());

        var principal = (SyncwatchPrincipal) service.loadUserByUsername("sam@syncwatch.test");

        assertThat(principal.syncwatchSupport()).isTrue();
        assertThat(authorities(principal)).containsExactlyInAnyOrder(Permission.MANAGE_INTEGRATIONS.authority(),
                CurrentUser.SYNCWATCH_SUPPORT_AUTHORITY);
        assertThat(authorities(principal.withoutPassword())).as("kept in the session")
                .contains(CurrentUser.SYNCWATCH_SUPPORT_AUTHORITY);
    }

    @Test
    void anyOtherUserAndAnEmptyListGiveNoSupportAuthority() {
        known("ada@customer.test");
        known("sam@syncwatch.test");

        var customer = (SyncwatchPrincipal) new ConsoleUserDetailsService(signIn, "sam@syncwatch.test", java.time.Clock.systemUTC())
                .loadUserByUsername("ada@customer.test");
        var nobodyListed = (SyncwatchPrincipal) new ConsoleUserDetailsService(signIn, "", java.time.Clock.systemUTC())
                .loadUserByUsername("sam@syncwatch.test");

        assertThat(customer.syncwatchSupport()).isFalse();
        assertThat(authorities(customer)).containsExactly(Permission.MANAGE_INTEGRATIONS.authority());
        assertThat(nobodyListed.syncwatchSupport()).isFalse();
        assertThat(authorities(nobodyListed)).doesNotContain(CurrentUser.SYNCWATCH_SUPPORT_AUTHORITY);
    }

    @Test
    void currentUserIsSupportOnlyForASignedInConsoleUserHoldingTheAuthorityNeverForAnApiClient() {
        known("sam@syncwatch.test");
        known("ada@customer.test");
        var service = new ConsoleUserDetailsService(signIn, "sam@syncwatch.test", java.time.Clock.systemUTC());
        var context = new SecurityContextImpl();
        SecurityContextHolderStrategy strategy = mock(SecurityContextHolderStrategy.class);
        when(strategy.getContext()).thenReturn(context);
        @SuppressWarnings("unchecked")
        ObjectProvider<SecurityContextHolderStrategy> strategies = mock(ObjectProvider.class);
        when(strategies.getIfAvailable(any())).thenReturn(strategy);
        CurrentUser currentUser = new SecurityContextCurrentUser(strategies);
        var sam = service.loadUserByUsername("sam@syncwatch.test");
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(sam, null, sam.getAuthorities()));
        assertThat(currentUser.isSyncwatchSupport()).isTrue();

        var ada = service.loadUserByUsername("ada@customer.test");
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(ada, null, ada.getAuthorities()));
        assertThat(currentUser.isSyncwatchSupport()).isFalse();

        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new ApiClientPrincipal(new AccountId(1), 1, "key"), null,
                List.of(new SimpleGrantedAuthority(CurrentUser.SYNCWATCH_SUPPORT_AUTHORITY))));
        assertThat(currentUser.isSyncwatchSupport()).as("API clients are never support staff").isFalse();
    }
}
