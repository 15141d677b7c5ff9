package io.syncwatch.platform.adapter.in.demo;

import static io.syncwatch.platform.Permission.*;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.DemoAccounts;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.application.port.in.Onboarding;

/** Creates the two demo accounts, their users (one per permission set) and fixed API keys. */
@Component
@Profile("demo")
@Order(0)
class PlatformDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformDemoData.class);

    static final String ACME_API_KEY = "sw_demo_acme_0123456789abcdef";
    static final String GLOBEX_API_KEY = "sw_demo_globex_0123456789abcdef";

    private final Onboarding onboarding;
    private final AccountDirectory directory;

    PlatformDemoData(Onboarding onboarding, AccountDirectory directory) {
        this.onboarding = onboarding;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.findAccountByName(DemoAccounts.ACME).isPresent()) {
            return;
        }
        AccountId acme = onboarding.createAccount(DemoAccounts.ACME, EnumSet.allOf(FeatureFlag.class)).id();
        user(acme, "admin@acme.test", "Ada Admin", EnumSet.allOf(io.syncwatch.platform.Permission.class));
        user(acme, "integrations@acme.test", "Ivan Integrations", EnumSet.of(MANAGE_INTEGRATIONS, VIEW_IMPORTED_CONTACTS));
        user(acme, "contacts@acme.test", "Cora Contacts", EnumSet.of(VIEW_IMPORTED_CONTACTS));
        user(acme, "operator@acme.test", "Otto Operator", EnumSet.of(AGENT_CONNECT_OPERATOR));
        onboarding.registerApiKey(acme, "Demo key", ACME_API_KEY);

        AccountId globex = onboarding.createAccount(DemoAccounts.GLOBEX, EnumSet.of(FeatureFlag.INTEGRATIONS)).id();
        user(globex, "admin@globex.test", "Gina Globex", EnumSet.allOf(io.syncwatch.platform.Permission.class));
        onboarding.registerApiKey(globex, "Demo key", GLOBEX_API_KEY);
        log.info("Demo accounts created: sign in as admin@acme.test / {} (see README for all users)", DemoAccounts.PASSWORD);
    }

    private void user(AccountId account, String email, String name, Set<io.syncwatch.platform.Permission> permissions) {
        onboarding.createUser(account, email, name, DemoAccounts.PASSWORD, permissions);
    }
}
