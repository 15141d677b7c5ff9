package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;

import io.syncwatch.imports.application.port.in.ImportedContacts;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.SyncwatchTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;
import io.syncwatch.testsupport.TestPlatforms;

/**
 * The Imported contacts &amp; filters tab (imports module) edits an integration's filters with the
 * integrations module's own editor: saved through the integrations module, shown at once on the
 * tab, audited; people without MANAGE_INTEGRATIONS only read them.
 */
@SyncwatchTest
class FiltersOnTheContactsTabTest extends SpringBrowserlessTest {

    @Autowired TestAccounts accounts;
    @Autowired SignedIn signedIn;
    @Autowired IntegrationManagement integrations;
    @Autowired ImportedContacts contacts;

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    IntegrationSnapshot connected(TestAccount account) {
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS, Permission.VIEW_IMPORTED_CONTACTS));
        IntegrationSnapshot s = TestPlatforms.connectActive(integrations, "Support");
        // the imports module learns of the integration from its events
        await().atMost(Duration.ofSeconds(15)).until(() -> contacts.integrations(account.id()).stream()
                .anyMatch(i -> i.name().equals("Support") && i.filters().statusCriteria().equals(Set.of("closed"))));
        return s;
    }

    @Test
    void aCustomerAdminEditsFiltersFromTheTab() {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        IntegrationSnapshot s = connected(account);
        UI.getCurrent().navigate("conversations/integrations/contacts");
        assertThat($(Div.class).id("contacts-filters-" + s.id()).getElement().getTextRecursively())
                .contains("No filter conditions").contains("Status is one of: closed");

        test($(Button.class).id("contacts-edit-filters-" + s.id())).click();
        Dialog dialog = $(Dialog.class).id("filters-dialog");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Filters of Support");
        test($(Button.class).id("add-condition")).click();
        $(TextField.class).withClassName("sw-condition-value").single().setValue("chat");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> statuses = $(MultiSelectComboBox.class).id("status-criteria");
        statuses.setValue(Set.of("closed", "pending"));
        test($(Button.class).id("filters-dialog-save")).click();

        assertThat(dialog.isOpened()).isFalse();
        IntegrationSnapshot saved = integrations.get(s.id());
        assertThat(saved.filters().conditions()).singleElement()
                .satisfies(c -> assertThat(c.describe()).isEqualTo("channel is 'chat'"));
        assertThat(saved.filters().statusCriteria()).containsExactlyInAnyOrder("closed", "pending");
        assertThat($(Div.class).id("contacts-filters-" + s.id()).getElement().getTextRecursively())
                .contains("channel is 'chat'").contains("Status is one of: closed, pending");
        assertThat(integrations.auditTrail(s.id())).first().satisfies(a -> assertThat(a.action()).isEqualTo("Filters changed"));
    }

    @Test
    void invalidFiltersStayInTheDialogWithTheProblemOnTheField() {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        IntegrationSnapshot s = connected(account);
        UI.getCurrent().navigate("conversations/integrations/contacts");
        test($(Button.class).id("contacts-edit-filters-" + s.id())).click();
        $(com.vaadin.flow.component.datepicker.DatePicker.class).id("historical-start")
                .setValue(java.time.LocalDate.now().plusDays(2));
        test($(Button.class).id("filters-dialog-save")).click();
        assertThat($(Dialog.class).id("filters-dialog").isOpened()).isTrue();
        assertThat($(com.vaadin.flow.component.datepicker.DatePicker.class).id("historical-start").getErrorMessage())
                .isEqualTo("The historical start date cannot be in the future");
        assertThat(integrations.get(s.id()).filters().historicalStart()).isNull();
    }

    @Test
    void withoutManageIntegrationsTheFiltersAreReadOnly() {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        IntegrationSnapshot s = connected(account);
        signedIn.as(accounts.user(account, Permission.VIEW_IMPORTED_CONTACTS));
        UI.getCurrent().navigate("conversations/integrations/contacts");
        assertThat($(Div.class).id("contacts-filters-" + s.id()).getElement().getTextRecursively())
                .contains("Status is one of: closed");
        assertThat($(Button.class).withId("contacts-edit-filters-" + s.id()).exists()).isFalse();
    }

    @Test
    void aDeletedIntegrationKeepsItsNameButHasNoFiltersToEdit() {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        IntegrationSnapshot s = connected(account);
        // connected and deleted within milliseconds, as the demo's "Old trial account": the events may arrive out of order
        IntegrationSnapshot old = integrations.connect(new io.syncwatch.integrations.application.port.in.IntegrationManagement
                .ConnectCommand(TestPlatforms.KEY, "Old trial", java.util.Map.of("token", "t", "region", "eu"),
                        io.syncwatch.integrations.Environment.PRODUCTION, io.syncwatch.integrations.Schedule.DAILY));
        integrations.delete(old.id());
        await().atMost(Duration.ofSeconds(15)).until(() -> contacts.integrations(account.id()).stream()
                .anyMatch(i -> i.id().equals(old.id()) && i.lifecycle() == io.syncwatch.integrations.Lifecycle.DELETED));

        UI.getCurrent().navigate("conversations/integrations/contacts");
        assertThat($(Div.class).withId("contacts-filters-" + old.id()).exists()).as("no filters card, no Edit").isFalse();
        assertThat($(Div.class).id("contacts-filters-" + s.id()).isVisible()).isTrue();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<io.syncwatch.imports.application.port.in.IntegrationFilters> box =
                $(com.vaadin.flow.component.combobox.ComboBox.class).id("contacts-integration");
        assertThat(box.getListDataView().getItems().map(box.getItemLabelGenerator()::apply).toList())
                .as("its contacts stay and are named by it, never 'Integration " + old.id() + "'")
                .containsExactlyInAnyOrder("Support", "Old trial (deleted)");
    }
}
