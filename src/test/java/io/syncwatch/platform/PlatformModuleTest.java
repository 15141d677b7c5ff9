package io.syncwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import io.syncwatch.platform.application.port.in.AccountAdministration;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/**
 * The platform kernel on its own (a Spring Modulith module test: only the platform is bootstrapped,
 * on the real database). It publishes no events; what other modules see of it is its directory
 * ({@link AccountDirectory}), so each scenario is an administrator's command and what the directory
 * then tells the other modules: whom alerts and digests are mailed to, which features an account has.
 */
@ApplicationModuleTest
@Import(TestAccounts.class)
class PlatformModuleTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountAdministration administration;
    @Autowired
    AccountDirectory directory;

    @Test
    void aDisabledAdminIsNoLongerMailedAndIsMailedAgainOnceEnabled(Scenario scenario) {
        TestAccount account = accounts.createWithAllFeatures();
        String ada = accounts.user(account, Permission.ACCOUNT_ADMIN);
        String bob = accounts.user(account, Permission.ACCOUNT_ADMIN, Permission.MANAGE_INTEGRATIONS);
        assertThat(directory.emailsOfUsersWith(account.id(), Permission.ACCOUNT_ADMIN)).containsExactlyInAnyOrder(ada, bob);

        scenario.stimulate(() -> accounts.setEnabled(account, ada, false))
                .andWaitForStateChange(() -> directory.emailsOfUsersWith(account.id(), Permission.ACCOUNT_ADMIN),
                        admins -> !admins.contains(ada))
                .andVerify(admins -> {
                    assertThat(admins).containsExactly(bob);
                    assertThat(directory.usersOf(account.id())).filteredOn(u -> u.email().equals(ada))
                            .singleElement().satisfies(u -> assertThat(u.enabled()).isFalse());
                });

        scenario.stimulate(() -> accounts.setEnabled(account, ada, true))
                .andWaitForStateChange(() -> directory.emailsOfUsersWith(account.id(), Permission.ACCOUNT_ADMIN),
                        admins -> admins.contains(ada))
                .andVerify(admins -> assertThat(admins).containsExactlyInAnyOrder(ada, bob));
    }

    @Test
    void aFeatureTurnedOffForAnAccountIsOffForEveryModuleAsking(Scenario scenario) {
        TestAccount account = accounts.createWithAllFeatures();
        assertThat(directory.flagsOf(account.id())).contains(FeatureFlag.INTEGRATIONS, FeatureFlag.AGENT_CONNECT);

        scenario.stimulate(() -> administration.changeFlags(account.id(), EnumSet.of(FeatureFlag.INTEGRATIONS)))
                .andWaitForStateChange(() -> directory.flagsOf(account.id()),
                        flags -> !flags.contains(FeatureFlag.AGENT_CONNECT))
                .andVerify(flags -> assertThat(flags).containsExactly(FeatureFlag.INTEGRATIONS));
    }
}
