package io.syncwatch.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;

import io.syncwatch.health.application.port.in.HealthTracking;
import io.syncwatch.health.domain.HealthFixtures;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/** The Platforms tab, browserless: sort order, timestamps, "No data", tooltip, filters, empty state. */
class PlatformsViewTest extends HealthSpringTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignedIn signedIn;

    @Autowired
    HealthTracking tracking;

    @Autowired
    io.syncwatch.integrations.IntegrationOperations integrationOperations;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    long integration(TestAccount account, String name, Lifecycle lifecycle, @Nullable PauseReason reason) {
        long id = freshIntegrationId();
        var base = HealthFixtures.snapshot(id, account.id().value(), name, lifecycle, reason, now.minus(Duration.ofDays(1)));
        tracking.integrationChanged(base);
        return id;
    }

    void run(TestAccount account, long id, Instant at, RunOutcome outcome, @Nullable FailureCategory category,
            @Nullable String message, boolean first, @Nullable Instant saved) {
        tracking.runFinished(HealthFixtures.finished(id, account.id().value(), at, outcome, category, message, first, saved));
    }

    @SuppressWarnings("unchecked")
    Grid<HealthRecord> open(TestAccount account) {
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        UI.getCurrent().navigate("conversations/integrations/platforms");
        return $(Grid.class).id("health-grid");
    }

    List<String> names(Grid<HealthRecord> grid) {
        var tester = test(grid);
        return IntStream.range(0, tester.size()).mapToObj(i -> tester.getRow(i).name()).toList();
    }

    String cell(Grid<HealthRecord> grid, int row, String key) {
        return test(grid).getCellText(row, test(grid).getColumnPosition(key));
    }

    /** The status column's tooltip (Vaadin's Tooltip, shown on hover and on keyboard focus of the cell). */
    String hover(Grid<HealthRecord> grid, int row) {
        return grid.getColumnByKey("STATUS").getTooltipGenerator().apply(test(grid).getRow(row));
    }

    @Test
    void sortsByAttentionNeededThenNameAndByEveryColumn() {
        var account = accounts.createWithAllFeatures();
        long ok = integration(account, "Alpha desk", Lifecycle.ACTIVE, null);
        run(account, ok, now.minusSeconds(60), RunOutcome.SUCCEEDED, null, null, true, now.minusSeconds(60));
        long failing = integration(account, "Zulu desk", Lifecycle.ACTIVE, null);
        run(account, failing, now.minusSeconds(300), RunOutcome.SUCCEEDED, null, null, true, now.minusSeconds(300));
        run(account, failing, now.minusSeconds(60), RunOutcome.FAILED, FailureCategory.SOURCE_UNREACHABLE, "down", false, null);
        long warning = integration(account, "Mike desk", Lifecycle.ACTIVE, null);
        run(account, warning, now.minusSeconds(300), RunOutcome.SUCCEEDED, null, null, true, now.minusSeconds(300));
        run(account, warning, now.minusSeconds(60), RunOutcome.RATE_LIMITED, FailureCategory.RATE_LIMITED, "429", false, null);
        integration(account, "Bravo desk", Lifecycle.PAUSED, PauseReason.MANUAL);
        long authFailing = integration(account, "Echo desk", Lifecycle.ACTIVE, null);
        run(account, authFailing, now.minusSeconds(300), RunOutcome.SUCCEEDED, null, null, true, now.minusSeconds(300));
        run(account, authFailing, now.minusSeconds(60), RunOutcome.FAILED, FailureCategory.AUTHENTICATION_FAILED, "401", false, null);
        integration(account, "Setup desk", Lifecycle.SETUP, null);

        var grid = open(account);
        assertThat(test(grid).getSortDirection("STATUS")).isEqualTo(SortDirection.ASCENDING);
        assertThat(names(grid)).containsExactly("Echo desk", "Zulu desk", "Mike desk", "Setup desk", "Bravo desk",
                "Alpha desk");
        assertThat(cell(grid, 0, "PLATFORM")).as("the platform's display name, not its key").isEqualTo("Zendesk Support");
        test(grid).sortByColumn("NAME", SortDirection.ASCENDING);
        assertThat(names(grid)).containsExactly("Alpha desk", "Bravo desk", "Echo desk", "Mike desk", "Setup desk",
                "Zulu desk");
        test(grid).sortByColumn("NAME", SortDirection.DESCENDING);
        assertThat(names(grid).getFirst()).isEqualTo("Zulu desk");
        for (String key : List.of("PLATFORM", "LAST_RAN_AT", "LAST_DATA_IMPORTED", "NEXT_RUN", "SCHEDULE")) {
            assertThat(test(grid).isColumnSortable(key)).as(key).isTrue();
            test(grid).sortByColumn(key, SortDirection.ASCENDING);
            assertThat(names(grid)).as(key).hasSize(6);
        }
    }

    @Test
    void timestampsEitherSideOfSevenHoursNoDataAndTheMessageOnHover() {
        var account = accounts.createWithAllFeatures();
        long recent = integration(account, "Recent", Lifecycle.ACTIVE, null);
        run(account, recent, now.minus(Duration.ofHours(6).plusMinutes(59)), RunOutcome.SUCCEEDED, null, null, true, null);
        long older = integration(account, "Older", Lifecycle.ACTIVE, null);
        Instant sevenHours = now.minus(Duration.ofHours(7));
        run(account, older, sevenHours.minusSeconds(120), RunOutcome.SUCCEEDED, null, null, true, sevenHours.minusSeconds(120));
        run(account, older, sevenHours, RunOutcome.FAILED, FailureCategory.PERMISSION_DENIED,
                "403 Forbidden: the API user lacks the tickets:read scope (granted scopes: users:read)", false, null);

        var grid = open(account);
        test(grid).sortByColumn("NAME", SortDirection.ASCENDING);
        assertThat(names(grid)).containsExactly("Older", "Recent");
        assertThat(cell(grid, 1, "LAST_RAN_AT")).isEqualTo("6 hours ago");
        assertThat(cell(grid, 1, "LAST_DATA_IMPORTED")).isEqualTo("No data");
        var absolute = java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a", UI.getCurrent().getLocale())
                .withZone(java.time.ZoneId.of("UTC"));
        assertThat(cell(grid, 0, "LAST_RAN_AT")).isEqualTo(absolute.format(sevenHours));
        assertThat(cell(grid, 0, "LAST_DATA_IMPORTED")).isEqualTo(absolute.format(sevenHours.minusSeconds(120)));

        Component status = test(grid).getCellComponent(0, "STATUS");
        assertThat(status.getElement().getAttribute("title")).as("no native title: a Vaadin tooltip").isNull();
        assertThat(hover(grid, 0)).as("the message in full, on hover and keyboard focus")
                .contains("403 Forbidden: the API user lacks the tickets:read scope (granted scopes: users:read)");
        assertThat(hover(grid, 1)).startsWith("Active: the last run completed");
        assertThat(status.getElement().getTextRecursively()).contains("Error", "Sync failing");
        assertThat(test(grid).getCellComponent(1, "STATUS").getElement().getTextRecursively()).contains("Active");
    }

    /** Issue 18, defects 5 and 9: each status's hover says what it means; a search with no match says so and clears. */
    @Test
    void eachStatusHoverFitsItsStatusAndASearchWithoutMatchHasAnEmptyState() {
        var account = accounts.createWithAllFeatures();
        integration(account, "Paused desk", Lifecycle.PAUSED, PauseReason.MANUAL);
        integration(account, "Setup desk", Lifecycle.SETUP, null);
        long fresh = integration(account, "Fresh desk", Lifecycle.ACTIVE, null);
        run(account, fresh, now.minusSeconds(600), RunOutcome.SUCCEEDED, null, null, true, now.minusSeconds(600));

        var grid = open(account);
        test(grid).sortByColumn("NAME", SortDirection.ASCENDING);
        assertThat(names(grid)).containsExactly("Fresh desk", "Paused desk", "Setup desk");
        assertThat(hover(grid, 0)).as("when data last arrived, not a stale message")
                .matches("Active: the last run completed; data last imported 1\\d minutes ago\\.");
        assertThat(hover(grid, 1)).startsWith("Paused manually").contains("resume it");
        assertThat(hover(grid, 2)).contains("configuring the filters");

        test($(TextField.class).id("health-search")).setValue("no such desk");
        assertThat(names(grid)).isEmpty();
        assertThat(grid.getEmptyStateComponent().getElement().getTextRecursively()).contains("No integration matches");
        test($(Button.class).id("health-clear-filters")).click();
        assertThat(names(grid)).hasSize(3);
        assertThat($(TextField.class).id("health-search").getValue()).isEmpty();
    }

    @Test
    void filterChipsSearchAndShowDeleted() {
        var account = accounts.createWithAllFeatures();
        long failing = integration(account, "Support failing", Lifecycle.ACTIVE, null);
        run(account, failing, now.minusSeconds(300), RunOutcome.SUCCEEDED, null, null, true, now.minusSeconds(300));
        run(account, failing, now.minusSeconds(60), RunOutcome.FAILED, FailureCategory.UNEXPECTED, "boom", false, null);
        integration(account, "Sales paused", Lifecycle.PAUSED, PauseReason.MANUAL);
        integration(account, "Old deleted", Lifecycle.DELETED, null);

        var grid = open(account);
        assertThat(names(grid)).containsExactly("Support failing", "Sales paused");
        test($(Button.class).id("health-chip-error")).click();
        assertThat(names(grid)).containsExactly("Support failing");
        test($(Button.class).id("health-chip-paused")).click();
        assertThat(names(grid)).containsExactly("Support failing", "Sales paused");
        test($(Button.class).id("health-chip-error")).click();
        test($(Button.class).id("health-chip-paused")).click();
        test($(TextField.class).id("health-search")).setValue("sales");
        assertThat(names(grid)).containsExactly("Sales paused");
        test($(TextField.class).id("health-search")).clear();
        test($(Checkbox.class).id("health-show-deleted")).click();
        assertThat(names(grid)).containsExactlyInAnyOrder("Support failing", "Sales paused", "Old deleted");
        var deletedRow = names(grid).indexOf("Old deleted");
        assertThat(test(grid).getCellComponent(deletedRow, "STATUS").getElement().getTextRecursively()).contains("Deleted");
        assertThat(test(grid).getCellComponent(deletedRow, "NAME")).as("no link to a page that is gone")
                .isNotInstanceOf(com.vaadin.flow.component.html.Anchor.class)
                .satisfies(c -> assertThat(c.getElement().getAttribute("title")).isNull());
        assertThat(grid.getColumnByKey("NAME").getTooltipGenerator().apply(test(grid).getRow(deletedRow)))
                .contains("contacts it imported stay");
        assertThat(test(grid).getCellComponent(names(grid).indexOf("Sales paused"), "NAME"))
                .isInstanceOf(com.vaadin.flow.component.html.Anchor.class);
    }

    @Test
    void anAccountWithoutIntegrationsSeesAButtonToConnectOne() {
        var account = accounts.createWithAllFeatures();
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        UI.getCurrent().navigate("conversations/integrations/platforms");
        assertThat($(Grid.class).all()).isEmpty();
        var connect = $(Button.class).id("health-connect");
        assertThat(connect.getText()).isEqualTo("Connect integration");
    }

    @Test
    void anotherIntegrationCanBeConnectedFromTheHeaderWhenSomeExist() {
        var account = accounts.createWithAllFeatures();
        integration(account, "Existing desk", Lifecycle.ACTIVE, null);
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        UI.getCurrent().navigate("conversations/integrations/platforms");
        assertThat($(Grid.class).all()).isNotEmpty();
        var connect = $(Button.class).id("health-connect-header");
        assertThat(connect.getText()).isEqualTo("Connect integration");
        test(connect).click();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("conversations/integrations/platforms/connect");
    }

    @Test
    void theWeeklyDigestIsOneClickAway() {
        var account = accounts.createWithAllFeatures();
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        UI.getCurrent().navigate("conversations/integrations/platforms");
        var link = $(com.vaadin.flow.router.RouterLink.class).id("health-digest-link");
        assertThat(link.getText()).isEqualTo("Weekly digest & alert routing");
        test(link).click();
        assertThat($(io.syncwatch.alerts.adapter.in.ui.DigestView.class).single()).isNotNull();
        assertThat($(Button.class).id("digest-generate").getText()).isEqualTo("Generate now");
    }

    @Test
    void theHeaderLinksToTheDeletedIntegrationsAndTheirAuditTrail() {
        var account = accounts.createWithAllFeatures();
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        UI.getCurrent().navigate("conversations/integrations/platforms");
        var link = $(com.vaadin.flow.component.html.Anchor.class).id("health-deleted-link");
        assertThat(link.getText()).isEqualTo("Deleted integrations");
        UI.getCurrent().navigate(link.getHref());
        assertThat($(com.vaadin.flow.component.html.H1.class).all()).extracting(h -> h.getText())
                .contains("Deleted integrations");
    }

    @Test
    void bulkResumeSkipsAnIntegrationHeldForInvalidCredentialsAndSaysHowManyAndWhy() {
        var account = accounts.createWithAllFeatures();
        long held = integration(account, "Held desk", Lifecycle.PAUSED, PauseReason.CREDENTIALS_INVALID);
        long paused = integration(account, "Paused desk", Lifecycle.PAUSED, PauseReason.MANUAL);
        var grid = open(account);
        // the integrations module refuses the resume of the held one (fixtures: not real integrations)
        org.mockito.Mockito.doThrow(new io.syncwatch.integrations.ReconnectRequired(io.syncwatch.integrations.IntegrationId.of(held)))
                .when(integrationOperations).resume(org.mockito.ArgumentMatchers.eq(account.id()),
                        org.mockito.ArgumentMatchers.eq(io.syncwatch.integrations.IntegrationId.of(held)),
                        org.mockito.ArgumentMatchers.anyString());
        org.mockito.Mockito.doNothing().when(integrationOperations).resume(org.mockito.ArgumentMatchers.eq(account.id()),
                org.mockito.ArgumentMatchers.eq(io.syncwatch.integrations.IntegrationId.of(paused)),
                org.mockito.ArgumentMatchers.anyString());
        assertThat(names(grid)).containsExactly("Held desk", "Paused desk");
        test(grid).select(0);
        test(grid).select(1);

        test($(Button.class).id("health-bulk-resume")).click();

        org.mockito.Mockito.verify(integrationOperations).resume(org.mockito.ArgumentMatchers.eq(account.id()),
                org.mockito.ArgumentMatchers.eq(io.syncwatch.integrations.IntegrationId.of(paused)),
                org.mockito.ArgumentMatchers.anyString());
        assertThat(test($(com.vaadin.flow.component.notification.Notification.class).last()).getText())
                .isEqualTo("1 integration resumed; 1 skipped (Credentials invalid: reconnect with new credentials "
                        + "to resume): Held desk");
    }

    @Test
    void bulkResumeSkipsAnIntegrationStoppedForQualityAssuranceAndSaysWhoReEnablesIt() {
        var account = accounts.createWithAllFeatures();
        long held = integration(account, "Checked desk", Lifecycle.PAUSED, PauseReason.QUALITY_ASSURANCE);
        var grid = open(account);
        org.mockito.Mockito.doThrow(new io.syncwatch.integrations.SupportReEnableRequired(io.syncwatch.integrations.IntegrationId.of(held)))
                .when(integrationOperations).resume(org.mockito.ArgumentMatchers.eq(account.id()),
                        org.mockito.ArgumentMatchers.eq(io.syncwatch.integrations.IntegrationId.of(held)),
                        org.mockito.ArgumentMatchers.anyString());
        test(grid).select(0);

        test($(Button.class).id("health-bulk-resume")).click();

        assertThat(test($(com.vaadin.flow.component.notification.Notification.class).last()).getText())
                .isEqualTo("0 integrations resumed; 1 skipped (Quality assurance: our engineering team re-enables it "
                        + "once the issue is resolved): Checked desk");
    }

    @Test
    void theBulkButtonsActOnTheSelectedRows() {
        var account = accounts.createWithAllFeatures();
        long a = integration(account, "A", Lifecycle.ACTIVE, null);
        long b = integration(account, "B", Lifecycle.ACTIVE, null);
        var grid = open(account);
        assertThat($(Button.class).id("health-bulk-pause").isEnabled()).isFalse();
        org.mockito.Mockito.doNothing().when(integrationOperations).pause(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyString());
        test(grid).select(0);
        test(grid).select(1);
        test($(Button.class).id("health-bulk-pause")).click();
        org.mockito.Mockito.verify(integrationOperations).pause(org.mockito.ArgumentMatchers.eq(account.id()),
                org.mockito.ArgumentMatchers.eq(io.syncwatch.integrations.IntegrationId.of(a)),
                org.mockito.ArgumentMatchers.anyString());
        org.mockito.Mockito.verify(integrationOperations).pause(org.mockito.ArgumentMatchers.eq(account.id()),
                org.mockito.ArgumentMatchers.eq(io.syncwatch.integrations.IntegrationId.of(b)),
                org.mockito.ArgumentMatchers.anyString());
    }
}
