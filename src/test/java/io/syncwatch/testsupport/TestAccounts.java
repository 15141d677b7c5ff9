package io.syncwatch.testsupport;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.application.port.in.AccountAdministration;
import io.syncwatch.platform.application.port.in.Onboarding;
import io.syncwatch.platform.domain.User;

/**
 * Creates a fresh account (and users) for each test. Every query is account-scoped, so tests
 * that work in their own account never see or break each other's data.
 */
@Component
public class TestAccounts {

    public static final String PASSWORD = "test-password-1";

    private final Onboarding onboarding;
    private final AccountAdministration administration;

    public TestAccounts(Onboarding onboarding, AccountAdministration administration) {
        this.onboarding = onboarding;
        this.administration = administration;
    }

    public record TestAccount(AccountId id, String name) {
    }

    public TestAccount create(FeatureFlag... flags) {
        String name = "test-" + UUID.randomUUID();
        Set<FeatureFlag> set = flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags);
        return new TestAccount(onboarding.createAccount(name, set).id(), name);
    }

    public TestAccount createWithAllFeatures() {
        return create(FeatureFlag.INTEGRATIONS, FeatureFlag.AGENT_CONNECT);
    }

    /** Creates a user and returns its e-mail (the password is {@link #PASSWORD}). */
    public String user(TestAccount account, Permission... permissions) {
        String email = "user-" + UUID.randomUUID() + "@example.test";
        Set<Permission> set = permissions.length == 0 ? Set.of() : EnumSet.of(permissions[0], permissions);
        onboarding.createUser(account.id(), email, "Test User", PASSWORD, set);
        return email;
    }

    /** Creates a user with a display name and returns its e-mail. */
    public String namedUser(TestAccount account, String displayName, Permission... permissions) {
        String email = "user-" + UUID.randomUUID() + "@example.test";
        Set<Permission> set = permissions.length == 0 ? Set.of() : EnumSet.of(permissions[0], permissions);
        onboarding.createUser(account.id(), email, displayName, PASSWORD, set);
        return email;
    }

    /** Disables (or enables again) the account's user with this e-mail, as an account admin would. */
    public void setEnabled(TestAccount account, String email, boolean enabled) {
        User user = administration.users(account.id()).stream().filter(u -> u.email().equals(email)).findFirst()
                .orElseThrow();
        administration.setEnabled(account.id(), user.id(), enabled);
    }

    /** Registers an account API key with the given clear value. */
    public String apiKey(TestAccount account) {
        String key = "sw_test_" + UUID.randomUUID().toString().replace("-", "");
        onboarding.registerApiKey(account.id(), "test key", key);
        return key;
    }
}
