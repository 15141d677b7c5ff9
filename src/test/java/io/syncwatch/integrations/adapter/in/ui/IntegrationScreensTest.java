package io.syncwatch.integrations.adapter.in.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.domain.AuditEntry;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.EmptyState;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.SyncwatchTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;
import io.syncwatch.testsupport.TestPlatforms;

/** The connect wizard and the integration page, driven like a user would (browserless). */
@SyncwatchTest
class IntegrationScreensTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignedIn signedIn;

    @Autowired
    IntegrationManagement integrations;

    @Autowired
    IntegrationOperations operations;

    TestAccount account;

    @BeforeEach
    void signIn() {
        account = accounts.create(FeatureFlag.INTEGRATIONS);
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
    }

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    Button button(String id) {
        return $(Button.class).id(id);
    }

    void choosePlatform() {
        @SuppressWarnings("unchecked")
        RadioButtonGroup<PlatformDescriptor> platforms = $(RadioButtonGroup.class).id("platform");
        platforms.setValue(platforms.getListDataView().getItems().filter(p -> p.key().equals(TestPlatforms.KEY))
                .findFirst().orElseThrow());
        test(button("next")).click();
    }

    TextField credential(String key) {
        return $(TextField.class).id("credential-" + key);
    }

    @Test
    void theWizardRequiresAPlatformThenANameAndShowsTheConnectionTestsSpecificError() {
        UI.getCurrent().navigate("conversations/integrations/platforms/connect");
        test(button("next")).click();
        RadioButtonGroup<?> platforms = $(RadioButtonGroup.class).id("platform");
        assertThat(platforms.isInvalid()).isTrue();
        assertThat(platforms.getErrorMessage()).isEqualTo("Choose the platform to connect");

        choosePlatform();
        test(button("next")).click();
        TextField name = $(TextField.class).id("name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Give the integration a name");

        name.setValue("Support");
        test(button("test-connection")).click();
        assertThat($(Span.class).id("connection-result").getText()).isEqualTo("Fix the highlighted fields first");
        PasswordField token = $(PasswordField.class).id("credential-token");
        assertThat(token.getErrorMessage()).isEqualTo("Enter the API token");

        token.setValue(TestPlatforms.REJECTED_TOKEN);
        test(button("next")).click();
        assertThat($(Span.class).id("connection-result").getText())
                .isEqualTo("Connection failed: Authentication failed. The token was rejected (HTTP 401 Unauthorized)");
        assertThat(integrations.list()).as("nothing saved").isEmpty();
    }

    @Test
    void theWizardConnectsAndActivatesWithFilters() {
        UI.getCurrent().navigate("conversations/integrations/platforms/connect");
        choosePlatform();
        $(TextField.class).id("name").setValue("Support EU");
        $(PasswordField.class).id("credential-token").setValue("good-token");
        test(button("next")).click();
        @SuppressWarnings("unchecked")
        Select<Schedule> schedule = $(Select.class).id("schedule");
        assertThat(schedule.getValue()).as("default schedule").isEqualTo(Schedule.HOURLY);
        test(button("connect")).click();

        assertThat(integrations.list()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Support EU");
            assertThat(s.lifecycle()).isEqualTo(Lifecycle.SETUP);
        });
        test(button("add-condition")).click();
        $(TextField.class).withClassName("sw-condition-value").single().setValue("chat");
        DatePicker start = $(DatePicker.class).id("historical-start");
        start.setValue(LocalDate.now().plusDays(3));
        test(button("save-filters")).click();
        assertThat(start.getErrorMessage()).isEqualTo("The historical start date cannot be in the future");

        start.setValue(LocalDate.now().minusDays(3));
        test(button("save-filters")).click();
        IntegrationSnapshot saved = integrations.list().getFirst();
        assertThat(saved.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(saved.filters().conditions()).singleElement()
                .satisfies(c -> assertThat(c.describe()).isEqualTo("channel is 'chat'"));
        assertThat(getCurrentView().getElement().getAttribute("data-integration-id")).isEqualTo(saved.id().toString());
    }

    IntegrationSnapshot active(String name) {
        IntegrationSnapshot s = integrations.connect(new ConnectCommand(TestPlatforms.KEY, name,
                Map.of("token", "t", "region", "eu"), Environment.PRODUCTION, Schedule.HOURLY));
        return integrations.configureFilters(s.id(), new ImportFilters(List.of(), null, Set.of("closed")));
    }

    @Test
    void theEditDialogShowsEachFieldsErrorSavesNothingWhileWrongAndSavesGoodInput() {
        IntegrationSnapshot s = active("Support");
        active("Billing");
        UI.getCurrent().navigate("conversations/integrations/platforms/" + s.id());
        test(button("edit")).click();
        TextField name = $(TextField.class).id("edit-name");

        name.setValue("   ");
        test(button("edit-save")).click();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Give the integration a name");
        assertThat(integrations.get(s.id()).name()).as("nothing saved").isEqualTo("Support");

        name.setValue("billing"); // the use case's refusal, shown on the field it names
        test(button("edit-save")).click();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage())
                .isEqualTo("Another integration is already called 'billing': choose a name that tells them apart");
        assertThat(integrations.get(s.id()).name()).isEqualTo("Support");

        name.setValue("Support EU");
        @SuppressWarnings("unchecked")
        Select<Schedule> schedule = $(Select.class).all().stream().filter(c -> "Schedule".equals(c.getLabel()))
                .findFirst().orElseThrow();
        schedule.setValue(Schedule.DAILY);
        test(button("edit-save")).click();
        assertThat(integrations.get(s.id())).satisfies(saved -> {
            assertThat(saved.name()).isEqualTo("Support EU");
            assertThat(saved.schedule()).isEqualTo(Schedule.DAILY);
        });
        assertThat($(TextField.class).withId("edit-name").exists()).as("dialog closed").isFalse();
    }

    @Test
    void theReconnectDialogRequiresTheTokenShowsAFailedTestAndSavesATestedOne() {
        IntegrationSnapshot s = active("Support");
        operations.holdForInvalidCredentials(s.id(), "Every run failed on authentication for 3 days");
        UI.getCurrent().navigate("conversations/integrations/platforms/" + s.id());
        test(button("reconnect")).click();

        test(button("reconnect-save")).click();
        PasswordField token = $(PasswordField.class).id("credential-token");
        assertThat(token.isInvalid()).isTrue();
        assertThat(token.getErrorMessage()).isEqualTo("Enter the API token");
        assertThat(integrations.get(s.id()).pauseReason()).as("still held").isEqualTo(PauseReason.CREDENTIALS_INVALID);

        token.setValue(TestPlatforms.REJECTED_TOKEN);
        test(button("reconnect-save")).click();
        assertThat($(Span.class).id("reconnect-result").getText())
                .isEqualTo("Connection test failed: Authentication failed. The token was rejected (HTTP 401 Unauthorized)");
        assertThat(integrations.get(s.id()).pauseReason()).isEqualTo(PauseReason.CREDENTIALS_INVALID);

        token.setValue("new-token");
        test(button("reconnect-save")).click();
        assertThat(integrations.get(s.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void aNameAnotherIntegrationUsesIsRefusedOnTheWizardsNameFieldAndTheTypedCredentialsStay() {
        active("Support EU");
        UI.getCurrent().navigate("conversations/integrations/platforms/connect");
        choosePlatform();
        $(TextField.class).id("name").setValue("support eu");
        $(PasswordField.class).id("credential-token").setValue("good-token");
        test(button("next")).click();
        test(button("connect")).click();

        TextField name = $(TextField.class).id("name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage())
                .isEqualTo("Another integration is already called 'support eu': choose a name that tells them apart");
        assertThat($(PasswordField.class).id("credential-token").getValue()).as("nothing typed is lost").isEqualTo("good-token");
        assertThat(integrations.list()).singleElement().satisfies(i -> assertThat(i.name()).isEqualTo("Support EU"));

        name.setValue("Support US");
        test(button("next")).click();
        test(button("connect")).click();
        assertThat(integrations.list()).extracting(IntegrationSnapshot::name).containsExactlyInAnyOrder("Support EU", "Support US");
    }

    @Test
    void thePageShowsTheAuditTrailAndPausesAndResumes() {
        IntegrationSnapshot s = active("Support");
        UI.getCurrent().navigate("conversations/integrations/platforms/" + s.id());
        assertThat(((IntegrationView) getCurrentView()).getPageTitle()).isEqualTo("Support · Syncwatch");
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> audit = $(Grid.class).id("audit-trail");
        assertThat(audit.getListDataView().getItems().map(AuditEntry::action).toList())
                .containsExactly("Activated", "Filters changed", "Connected");

        test(button("pause-resume")).click();
        assertThat(integrations.get(s.id()).lifecycle()).isEqualTo(Lifecycle.PAUSED);
        assertThat($(Span.class).id("lifecycle").getText()).isEqualTo("Paused");
        assertThat(button("pause-resume").getText()).isEqualTo("Resume");
        test(button("pause-resume")).click();
        assertThat(integrations.get(s.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void anIntegrationHeldForInvalidCredentialsOffersReconnectInsteadOfResume() {
        IntegrationSnapshot s = active("Support");
        operations.holdForInvalidCredentials(s.id(), "Every run failed on authentication for 3 days");
        UI.getCurrent().navigate("conversations/integrations/platforms/" + s.id());

        assertThat($(Span.class).id("lifecycle").getText()).startsWith("Paused until new credentials are entered");
        assertThat($(Button.class).withId("pause-resume").exists()).as("no Resume for this hold").isFalse();
        assertThat(button("reconnect").getThemeNames()).contains("primary");
        assertThat($(Span.class).id("reconnect-hint").getText())
                .isEqualTo("Reconnect with new credentials to resume this integration.");

        test(button("reconnect")).click();
        $(PasswordField.class).id("credential-token").setValue("new-token");
        test(button("reconnect-save")).click();

        assertThat(integrations.get(s.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(button("pause-resume").getText()).isEqualTo("Pause");
        assertThat($(Span.class).withId("reconnect-hint").all()).isEmpty();
    }

    @Test
    void aResumeClickedAfterTheHoldArrivedIsRefusedWithTheReasonAndThePageOffersReconnect() {
        IntegrationSnapshot s = active("Support");
        integrations.pause(s.id());
        UI.getCurrent().navigate("conversations/integrations/platforms/" + s.id());
        assertThat(button("pause-resume").getText()).isEqualTo("Resume");

        operations.holdForInvalidCredentials(s.id(), "Every run failed on authentication for 3 days");
        test(button("pause-resume")).click();

        assertThat(integrations.get(s.id()).pauseReason()).isEqualTo(PauseReason.CREDENTIALS_INVALID);
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo("Reconnect with new credentials to resume this integration");
        assertThat($(Button.class).withId("pause-resume").exists()).isFalse();
        assertThat(button("reconnect").getThemeNames()).contains("primary");
    }

    @Test
    void aCustomerSeesNoReEnableOnAnIntegrationStoppedForQualityAssuranceButWhoReEnablesIt() {
        IntegrationSnapshot s = active("Support");
        operations.holdForQualityAssurance(s.id(), "The first run could not reach the source");
        UI.getCurrent().navigate("conversations/integrations/platforms/" + s.id());

        assertThat($(Span.class).id("lifecycle").getText()).startsWith("Stopped for quality assurance");
        assertThat($(Button.class).withId("pause-resume").exists()).as("no Re-enable for customers").isFalse();
        assertThat($(Span.class).id("quality-assurance-hint").getText())
                .isEqualTo("Stopped for quality assurance: our engineering team has been notified, and we will "
                        + "contact you once we have resolved the issue and re-enabled this integration.");
    }

    @Test
    void aReEnableClickedByACustomerOnAPageOpenedBeforeTheHoldIsRefusedWithTheReason() {
        IntegrationSnapshot s = active("Support");
        integrations.pause(s.id());
        UI.getCurrent().navigate("conversations/integrations/platforms/" + s.id());
        assertThat(button("pause-resume").getText()).isEqualTo("Resume");

        operations.holdForQualityAssurance(s.id(), "The first run could not reach the source");
        test(button("pause-resume")).click();

        assertThat(integrations.get(s.id()).pauseReason()).isEqualTo(PauseReason.QUALITY_ASSURANCE);
        assertThat(test($(Notification.class).last()).getText()).isEqualTo(
                io.syncwatch.integrations.SupportReEnableRequired.MESSAGE);
        assertThat($(Button.class).withId("pause-resume").exists()).isFalse();
        assertThat($(Span.class).withId("quality-assurance-hint").exists()).isTrue();
    }

    @Test
    void syncwatchSupportSeesReEnableAndTheAuditTrailNamesWhoReEnabledIt() {
        IntegrationSnapshot s = active("Support");
        operations.holdForQualityAssurance(s.id(), "The first run could not reach the source");
        String support = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        signedIn.asSyncwatchSupport(support);
        UI.getCurrent().navigate("conversations/integrations/platforms/" + s.id());

        assertThat($(Span.class).withId("quality-assurance-hint").exists()).isFalse();
        assertThat(button("pause-resume").getText()).isEqualTo("Re-enable");
        test(button("pause-resume")).click();

        assertThat(integrations.get(s.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(button("pause-resume").getText()).isEqualTo("Pause");
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> audit = $(Grid.class).id("audit-trail");
        assertThat(audit.getListDataView().getItems().findFirst().orElseThrow()).satisfies(a -> {
            assertThat(a.action()).isEqualTo("Re-enabled after quality assurance");
            assertThat(a.actor()).isEqualTo(support);
        });
    }

    @Test
    void deletingAsksFirstAndSaysImportedContactsStay() {
        IntegrationSnapshot s = active("Old");
        UI.getCurrent().navigate("conversations/integrations/platforms/" + s.id());
        test(button("delete")).click();
        ConfirmDialog dialog = $(ConfirmDialog.class).single();
        assertThat(dialog.getElement().getProperty("header")).isEqualTo("Delete 'Old'?");
        assertThat(dialog.getElement().getProperty("message")).contains("Contacts it already imported stay in Syncwatch");
        assertThat(integrations.list()).as("nothing deleted before confirming").hasSize(1);
        dialog.close();
    }

    @Test
    void anotherAccountsIntegrationShowsNotFound() {
        IntegrationSnapshot mine = active("Mine");
        signedIn.as(accounts.user(accounts.create(FeatureFlag.INTEGRATIONS), Permission.MANAGE_INTEGRATIONS));

        UI.getCurrent().navigate("conversations/integrations/platforms/" + mine.id());
        assertThat(((IntegrationView) getCurrentView()).getPageTitle()).isEqualTo("Integration not found · Syncwatch");
        assertThat($(EmptyState.class).single().getElement().getOuterHTML()).contains("Integration not found");
        assertThat($(Button.class).all()).as("no actions on another account's integration")
                .noneMatch(b -> "delete".equals(b.getId().orElse("")));
    }

    @Test
    void aDeletedIntegrationOpensReadOnlyWithWhenAndByWhomAndItsAuditTrail() {
        IntegrationSnapshot s = active("Retired desk");
        integrations.pause(s.id());
        integrations.delete(s.id());

        UI.getCurrent().navigate(DeletedIntegrationsView.ROUTE);
        @SuppressWarnings("unchecked")
        Grid<DeletedIntegrationsView.Row> deleted = $(Grid.class).id("deleted-integrations");
        assertThat(deleted.getListDataView().getItems().toList()).singleElement().satisfies(row -> {
            assertThat(row.integration().name()).isEqualTo("Retired desk");
            assertThat(row.deleted()).startsWith("Deleted on ").contains(" by ");
        });

        UI.getCurrent().navigate("conversations/integrations/platforms/" + s.id()); // the row's link
        assertThat(((IntegrationView) getCurrentView()).getPageTitle()).isEqualTo("Retired desk (deleted) · Syncwatch");
        assertThat($(Span.class).id("lifecycle").getText()).isEqualTo("Deleted");
        assertThat($(Span.class).id("deleted-note").getText()).startsWith("Deleted on ")
                .contains(" by ").endsWith("this page is read-only.");
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> trail = $(Grid.class).id("audit-trail");
        assertThat(trail.getListDataView().getItems().map(AuditEntry::action).toList()).as("the whole history")
                .containsExactly("Deleted", "Paused", "Activated", "Filters changed", "Connected");
        assertThat($(Button.class).all()).as("read-only: no actions, no filters editor")
                .noneMatch(b -> List.of("delete", "reconnect", "edit", "pause-resume", "save-filters")
                        .contains(b.getId().orElse("")));
    }

    @Test
    void anotherAccountsDeletedIntegrationStaysNotFoundAndUnlisted() {
        IntegrationSnapshot mine = active("Mine, deleted");
        integrations.delete(mine.id());
        signedIn.as(accounts.user(accounts.create(FeatureFlag.INTEGRATIONS), Permission.MANAGE_INTEGRATIONS));

        UI.getCurrent().navigate("conversations/integrations/platforms/" + mine.id());
        assertThat(((IntegrationView) getCurrentView()).getPageTitle()).isEqualTo("Integration not found · Syncwatch");
        UI.getCurrent().navigate(DeletedIntegrationsView.ROUTE);
        assertThat($(EmptyState.class).single().getElement().getOuterHTML()).contains("No deleted integrations");
    }
}
