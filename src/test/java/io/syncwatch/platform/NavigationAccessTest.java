package io.syncwatch.platform;

import static io.syncwatch.platform.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;

import io.syncwatch.platform.adapter.in.ui.AccessDeniedView;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/** Each permission set sees exactly its navigation and is refused the other pages by URL. */
@SpringBootTest
@Import({ TestAccounts.class, SignedIn.class })
class NavigationAccessTest extends SpringBrowserlessTest {

    static final List<String> ALL_PAGES = List.of("conversations/integrations/platforms",
            "conversations/integrations/contacts", "conversations/integrations/digest",
            "agent-connect/integrations/api-status/invalid",
            "agent-connect/integrations/api-status/test", "agent-connect/company-info", "account/users",
            "account/api-keys", "account/features", "account/webhooks", "account/password");

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignedIn signedIn;

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    @Test
    void anAdminWithEveryPermissionSeesTheWholeNavigation() {
        TestAccount account = accounts.createWithAllFeatures();
        signInAndOpenHome(accounts.user(account, Permission.values()));

        assertThat(navigationLabels()).containsExactly("Conversations", "Integrations", "Agent Connect", "Integrations",
                "API Status Page", "Company Info", "Account", "Users", "API keys", "Features", "Webhooks", "Password");
        assertThat(reachablePages()).containsExactlyElementsOf(ALL_PAGES);
    }

    @Test
    void anIntegrationsManagerSeesOnlyTheConversationsPages() {
        TestAccount account = accounts.createWithAllFeatures();
        signInAndOpenHome(accounts.user(account, MANAGE_INTEGRATIONS, VIEW_IMPORTED_CONTACTS));

        assertThat(navigationLabels()).containsExactly("Conversations", "Integrations", "Account", "Password");
        assertThat(reachablePages()).containsExactly("conversations/integrations/platforms",
                "conversations/integrations/contacts", "conversations/integrations/digest", "account/password");
    }

    @Test
    void aContactsViewerReachesOnlyTheImportedContactsTab() {
        TestAccount account = accounts.createWithAllFeatures();
        signInAndOpenHome(accounts.user(account, VIEW_IMPORTED_CONTACTS));

        assertThat(navigationLabels()).containsExactly("Conversations", "Integrations", "Account", "Password");
        assertThat(reachablePages()).containsExactly("conversations/integrations/contacts", "account/password");
    }

    @Test
    void anAgentConnectOperatorSeesOnlyAgentConnect() {
        TestAccount account = accounts.createWithAllFeatures();
        signInAndOpenHome(accounts.user(account, AGENT_CONNECT_OPERATOR));

        assertThat(navigationLabels()).containsExactly("Agent Connect", "Integrations", "API Status Page", "Company Info",
                "Account", "Password");
        assertThat(reachablePages()).containsExactly("agent-connect/integrations/api-status/invalid",
                "agent-connect/integrations/api-status/test", "agent-connect/company-info", "account/password");
    }

    @Test
    void aPermissionWithoutItsFeatureFlagOpensNothing() {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        signInAndOpenHome(accounts.user(account, AGENT_CONNECT_OPERATOR, ACCOUNT_ADMIN));

        assertThat(navigationLabels()).containsExactly("Account", "Users", "API keys", "Features", "Webhooks", "Password");
        assertThat(reachablePages()).containsExactly("account/users", "account/api-keys", "account/features",
                "account/webhooks", "account/password");
    }

    @Test
    void theAccessDeniedPageKeepsTheNavigationAndLogOut() {
        TestAccount account = accounts.createWithAllFeatures();
        signInAndOpenHome(accounts.user(account, VIEW_IMPORTED_CONTACTS));
        UI.getCurrent().navigate("account/users");

        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(navigationLabels()).as("where the user may go instead")
                .containsExactly("Conversations", "Integrations", "Account", "Password");
        assertThat($(com.vaadin.flow.component.button.Button.class).id("logout").isVisible()).isTrue();
    }

    private void signInAndOpenHome(String email) {
        signedIn.as(email);
        UI.getCurrent().navigate("");
    }

    private List<String> navigationLabels() {
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    private List<String> reachablePages() {
        return ALL_PAGES.stream().filter(path -> {
            UI.getCurrent().navigate(path);
            return !(getCurrentView() instanceof AccessDeniedView);
        }).toList();
    }
}
