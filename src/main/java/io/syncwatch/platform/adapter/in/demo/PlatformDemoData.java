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
import io.syncwatch.platform.demo.DemoAccounts;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.application.port.in.Onboarding;
import io.syncwatch.platform.application.port.in.SignIn;

/**
 * Creates the two demo accounts, their users (one per permission set), fixed API keys and, in
 * Acme Support, a member of Syncwatch's support staff ({@link #SUPPORT_USER}, listed in the demo
 * profile's {@code syncwatch.support.users}: re-enables integrations held for quality assurance).
 */
@Component
@Profile("demo")
@Order(0)
class PlatformDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformDemoData.class);

    static final String ACME_API_KEY = "sw_demo_acme_0123456789abcdef";
    static final String GLOBEX_API_KEY = "sw_demo_globex_0123456789abcdef";
    /** Must match {@code syncwatch.support.users} in application-demo.properties. */
    static final String SUPPORT_USER = "support@syncwatch.test";

    private final Onboarding onboarding;
    private final AccountDirectory directory;
    private final SignIn signIn;

    PlatformDemoData(Onboarding onboarding, AccountDirectory directory, SignIn signIn) {
        this.onboarding = onboarding;
        this.directory = directory;
        this.signIn = signIn;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean fresh = directory.findAccountByName(DemoAccounts.ACME).isEmpty();
        AccountId acme = account(DemoAccounts.ACME, EnumSet.allOf(FeatureFlag.class));
        user(acme, "admin@acme.test", "Ada Admin", EnumSet.allOf(io.syncwatch.platform.Permission.class));
        user(acme, "integrations@acme.test", "Ivan Integrations", EnumSet.of(MANAGE_INTEGRATIONS, VIEW_IMPORTED_CONTACTS));
        user(acme, "contacts@acme.test", "Cora Contacts", EnumSet.of(VIEW_IMPORTED_CONTACTS));
        user(acme, "operator@acme.test", "Otto Operator", EnumSet.of(AGENT_CONNECT_OPERATOR));
        supportUser(acme); // also added to a demo database made before the support user existed
        apiKey(acme, ACME_API_KEY);

        AccountId globex = account(DemoAccounts.GLOBEX, EnumSet.of(FeatureFlag.INTEGRATIONS));
        user(globex, "admin@globex.test", "Gina Globex", EnumSet.allOf(io.syncwatch.platform.Permission.class));
        apiKey(globex, GLOBEX_API_KEY);
        if (fresh) {
            log.info("Demo accounts created: sign in as admin@acme.test / {} (see README for all users)", DemoAccounts.PASSWORD);
        }
    }

    /** Idempotent (issue 22.3): what a start interrupted half-way left out is added on the next, nothing twice. */
    private AccountId account(String name, Set<FeatureFlag> flags) {
        return directory.findAccountByName(name).orElseGet(() -> onboarding.createAccount(name, flags).id());
    }

    private void apiKey(AccountId account, String key) {
        if (signIn.authenticateApiKey(key).isEmpty()) {
            onboarding.registerApiKey(account, "Demo key", key);
        }
    }

    private void supportUser(AccountId acme) {
        user(acme, SUPPORT_USER, "Sam Syncwatch Support", EnumSet.of(MANAGE_INTEGRATIONS, VIEW_IMPORTED_CONTACTS));
    }

    private void user(AccountId account, String email, String name, Set<io.syncwatch.platform.Permission> permissions) {
        if (signIn.candidate(email).isPresent()) {
            return;
        }
        onboarding.createUser(account, email, name, DemoAccounts.PASSWORD, permissions);
    }
}
