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
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.io.ClassPathResource;

import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.demo.DemoAccounts;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.application.port.in.Onboarding;
import io.syncwatch.platform.application.port.in.SignIn;
import io.syncwatch.platform.application.port.in.SignIn.SignInCandidate;
import io.syncwatch.platform.domain.Account;
import io.syncwatch.platform.domain.ApiKey;

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
        when(directory.findAccountByName(anyString())).thenReturn(Optional.of(acme));
        when(signIn.candidate(anyString())).thenReturn(Optional.of(mock(SignInCandidate.class)));
        when(signIn.candidate(PlatformDemoData.SUPPORT_USER)).thenReturn(Optional.empty());
        when(signIn.authenticateApiKey(anyString())).thenReturn(Optional.of(mock(ApiKey.class)));

        demo.run(new DefaultApplicationArguments());

        verify(onboarding).createUser(acme, PlatformDemoData.SUPPORT_USER, "Sam Syncwatch Support", DemoAccounts.PASSWORD,
                EnumSet.of(Permission.MANAGE_INTEGRATIONS, Permission.VIEW_IMPORTED_CONTACTS));
        verify(onboarding, never()).createAccount(anyString(), any());
        verify(onboarding, never()).createUser(any(), eq("admin@acme.test"), anyString(), anyString(), any());
        verify(onboarding, never()).registerApiKey(any(), anyString(), anyString());
    }

    @Test
    void aStartInterruptedHalfWayIsCompletedOnTheNextWithNothingTwice() {
        // the previous start created Acme and its admin, then failed
        AccountId acme = new AccountId(7);
        AccountId globex = new AccountId(8);
        when(directory.findAccountByName(DemoAccounts.ACME)).thenReturn(Optional.of(acme));
        when(directory.findAccountByName(DemoAccounts.GLOBEX)).thenReturn(Optional.empty());
        when(onboarding.createAccount(eq(DemoAccounts.GLOBEX), any())).thenReturn(account(globex));
        when(signIn.candidate(anyString())).thenReturn(Optional.empty());
        when(signIn.candidate("admin@acme.test")).thenReturn(Optional.of(mock(SignInCandidate.class)));
        when(signIn.authenticateApiKey(anyString())).thenReturn(Optional.empty());

        demo.run(new DefaultApplicationArguments());

        verify(onboarding, never()).createAccount(eq(DemoAccounts.ACME), any());
        verify(onboarding).createAccount(eq(DemoAccounts.GLOBEX), any());
        verify(onboarding, never()).createUser(any(), eq("admin@acme.test"), anyString(), anyString(), any());
        verify(onboarding).createUser(eq(acme), eq("operator@acme.test"), anyString(), anyString(), any());
        verify(onboarding).createUser(eq(globex), eq("admin@globex.test"), anyString(), anyString(), any());
        verify(onboarding).registerApiKey(acme, "Demo key", PlatformDemoData.ACME_API_KEY);
        verify(onboarding).registerApiKey(globex, "Demo key", PlatformDemoData.GLOBEX_API_KEY);
    }

    private static Account account(AccountId id) {
        return new Account(id, DemoAccounts.GLOBEX, EnumSet.of(FeatureFlag.INTEGRATIONS), Instant.now());
    }
}
