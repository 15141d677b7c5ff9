package io.syncwatch.platform.adapter.in.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.io.ClassPathResource;

import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.DemoAccounts;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.application.port.in.Onboarding;
import io.syncwatch.platform.application.port.in.SignIn;

/** The demo's Syncwatch support user: listed in the demo profile, created in Acme Support, also in older demo databases. */
class PlatformDemoDataTest {

    final Onboarding onboarding = mock(Onboarding.class);
    final AccountDirectory directory = mock(AccountDirectory.class);
    final SignIn signIn = mock(SignIn.class);
    final PlatformDemoData demo = new PlatformDemoData(onboarding, directory, signIn);

    @Test
    void theDemoProfileListsTheSupportUserTheDemoDataCreates() throws IOException {
        var demoProfile = new Properties();
        try (var in = new ClassPathResource("application-demo.properties").getInputStream()) {
            demoProfile.load(in);
        }
        assertThat(demoProfile.getProperty("syncwatch.support.users")).isEqualTo(PlatformDemoData.SUPPORT_USER);
    }

    @Test
    void aDemoDatabaseMadeBeforeTheSupportUserGetsItOnceAndNothingElse() {
        AccountId acme = new AccountId(7);
        when(directory.findAccountByName(DemoAccounts.ACME)).thenReturn(Optional.of(acme));
        when(signIn.candidate(PlatformDemoData.SUPPORT_USER)).thenReturn(Optional.empty());

        demo.run(new DefaultApplicationArguments());

        verify(onboarding).createUser(acme, PlatformDemoData.SUPPORT_USER, "Sam Syncwatch Support", DemoAccounts.PASSWORD,
                EnumSet.of(Permission.MANAGE_INTEGRATIONS, Permission.VIEW_IMPORTED_CONTACTS));
        verify(onboarding, never()).createAccount(anyString(), any());
        verify(onboarding, never()).createUser(any(), eq("admin@acme.test"), anyString(), anyString(), any());
    }
}
