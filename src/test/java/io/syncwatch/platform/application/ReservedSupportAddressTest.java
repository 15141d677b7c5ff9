package io.syncwatch.platform.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.application.port.in.AccountAdministration.NewUser;
import io.syncwatch.platform.application.port.out.Accounts;
import io.syncwatch.platform.application.port.out.ApiKeys;
import io.syncwatch.platform.application.port.out.Users;
import io.syncwatch.platform.domain.User;

/**
 * Whoever signs in with an address listed in {@code syncwatch.support.users} gets Syncwatch's
 * support authority, so an account admin must not be able to create such a user (decision 0008);
 * onboarding (Syncwatch's own set-up, the demo data) still can.
 */
class ReservedSupportAddressTest {

    final Users users = mock(Users.class);
    final AccountId customer = new AccountId(7);

    AccountManagement management() {
        when(users.findByEmail(any())).thenReturn(Optional.empty());
        when(users.save(any())).thenAnswer(invocation -> invocation.getArgument(0));
        return new AccountManagement(mock(Accounts.class), users, mock(ApiKeys.class), NoOpPasswordEncoder.getInstance(),
                Clock.systemUTC(), supportUsers("sam@syncwatch.test, help@syncwatch.test"), new io.syncwatch.platform.domain.PasswordRules(java.util.Set.of()),
                mock(io.syncwatch.platform.application.port.in.SignInThrottling.class));
    }

    /** The platform's settings as start-up binds them, with {@code syncwatch.support.users} set. */
    static PlatformProperties supportUsers(String users) {
        return new Binder(new MapConfigurationPropertySource(Map.of("syncwatch.support.users", users)))
                .bindOrCreate("syncwatch", PlatformProperties.class);
    }

    @Test
    void anAccountAdminCannotAddAUserWithASupportAddressWhateverItsCase() {
        var management = management();

        assertThatThrownBy(() -> management.addUser(customer,
                new NewUser(" Sam@Syncwatch.TEST ", "Not Sam", "password-1", Set.of(Permission.MANAGE_INTEGRATIONS))))
                .isInstanceOf(io.syncwatch.platform.PlatformRefusal.InvalidAccountInput.class)
                .hasMessage("This e-mail address is reserved for Syncwatch support staff");
        verify(users, never()).save(any());
    }

    @Test
    void otherAddressesAreAddedAndOnboardingMayCreateTheSupportUser() {
        var management = management();

        User customerUser = management.addUser(customer,
                new NewUser("ada@customer.test", "Ada", "password-1", Set.of(Permission.MANAGE_INTEGRATIONS)));
        User support = management.createUser(customer, "help@syncwatch.test", "Help", "password-1",
                Set.of(Permission.MANAGE_INTEGRATIONS));

        assertThat(customerUser.email()).isEqualTo("ada@customer.test");
        assertThat(support.email()).isEqualTo("help@syncwatch.test");
    }
}
