package io.syncwatch.imports;

import static io.syncwatch.imports.ScriptedConnector.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;

import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.testsupport.MovableClock;
import io.syncwatch.imports.ScriptedConnector.Script;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.domain.ImportedContact;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/** Browserless tests of the imports block (Run now, import one, backfill) and the imported contacts tab. */
@ImportsTest
class ImportsViewsTest extends SpringBrowserlessTest {

    @Autowired TestAccounts accounts;
    @Autowired SignedIn signedIn;
    @Autowired FakeIntegrations integrations;
    @Autowired ScriptedConnector source;
    @Autowired ManualImports manual;
    @Autowired io.syncwatch.imports.application.port.in.ScheduledImports scheduled;
    @Autowired ImportHistory history;
    @Autowired MovableClock clock;

    TestAccount account;
    Script script;
    IntegrationSnapshot integration;
    Instant t0;

    @BeforeEach
    void setUp() {
        account = accounts.createWithAllFeatures();
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS, Permission.VIEW_IMPORTED_CONTACTS));
        script = source.newScript();
        t0 = clock.instant().minus(Duration.ofDays(1));
        integration = integrations.connect(account.id(), ScriptedConnector.KEY,
                new ImportFilters(List.of(), null, Set.of("closed")), script.credentials());
    }

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    void openSection() {
        UI.getCurrent().navigate("test/imports-section/" + integration.id());
        assertThat(getCurrentView()).isInstanceOf(SectionHostView.class);
    }

    void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), false));
    }

    @Test
    void runNowShowsProgressThenTheResultAndTheRunInTheHistory() {
        for (int i = 0; i < 25; i++) {
            script.add(conversation("R-" + i, "chat", "closed", t0.plusSeconds(i)));
        }
        script.delayMillis = 200;
        openSection();

        test($(Button.class).id("imports-run-now")).click();
        assertThat($(ProgressBar.class).id("imports-run-progress").isVisible()).isTrue();
        assertThat($(Button.class).id("imports-run-now").isEnabled()).isFalse();

        await().atMost(Duration.ofSeconds(15)).until(() -> !history.runs(account.id(), integration.id(), 0, 1).getFirst().running());
        poll();

        assertThat($(Span.class).id("imports-run-result").getText())
                .isEqualTo("Succeeded: Fetched 25, imported 25, refreshed 0, skipped by filter 0, duplicates 0");
        assertThat($(ProgressBar.class).withId("imports-run-progress").exists()).as("progress hidden").isFalse();
        assertThat($(Button.class).id("imports-run-now").isEnabled()).isTrue();
        var grid = test((Grid<?>) $(Grid.class).id("imports-history"));
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 2)).isEqualTo("Run now");
        assertThat(grid.getCellText(0, 3)).isEqualTo("Succeeded");
        String chart = $(Html.class).first().getInnerHtml();
        assertThat(chart).contains("<svg").contains(": 25 imported, 0 refreshed");
    }

    @Test
    void anInterruptedRunIsShownAsResumingFromItsCheckpointAndRunNowResumesIt() {
        for (int i = 0; i < 25; i++) {
            script.add(conversation("I-" + i, "chat", "closed", t0.plusSeconds(i)));
        }
        // the application stopped after the first page (issue 22.8)
        assertThat(scheduled.runScheduled(integration.id(), () -> script.calls.get() >= 1)).isTrue();
        openSection();

        assertThat($(Span.class).id("imports-run-result").getText()).isEqualTo("Interrupted — resuming from checkpoint; "
                + "saved so far: 10 fetched · 10 imported · 0 refreshed · 0 filtered · 0 duplicates. Run now resumes it at once");
        var grid = test((Grid<?>) $(Grid.class).id("imports-history"));
        assertThat(grid.getCellText(0, 3)).isEqualTo("Interrupted — resuming from checkpoint");

        test($(Button.class).id("imports-run-now")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> history.runs(account.id(), integration.id(), 0, 1).getFirst()
                .outcome() != null);
        poll();
        assertThat($(Span.class).id("imports-run-result").getText())
                .isEqualTo("Succeeded: Fetched 25, imported 25, refreshed 0, skipped by filter 0, duplicates 0");
        assertThat(history.countRuns(account.id(), integration.id())).as("the same run, resumed").isEqualTo(1);
    }

    @Test
    void aRunFailingOnInvalidDataShowsTheCategoryAndTheMessageInTheResultAndTheHistory() {
        for (int i = 0; i < 15; i++) {
            script.add(conversation("V-" + i, "chat", "closed", t0.plusSeconds(i)));
        }
        String problem = "Zendesk answered with a body that is not JSON";
        script.failOnCall.put(2, io.syncwatch.imports.application.port.out.SourceFailure.invalidData(problem, null));
        openSection();

        test($(Button.class).id("imports-run-now")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> !history.runs(account.id(), integration.id(), 0, 1).getFirst().running());
        poll();

        assertThat($(Span.class).id("imports-run-result").getText()).isEqualTo("Failed · Invalid data: " + problem);
        var grid = test((Grid<?>) $(Grid.class).id("imports-history"));
        assertThat(grid.getCellText(0, 3)).isEqualTo("Failed · Invalid data");
        assertThat(grid.getCellText(0, 4)).isEqualTo("10 fetched · 10 imported · 0 refreshed · 0 filtered · 0 duplicates");
        assertThat(grid.getCellText(0, 5)).isEqualTo(problem);
    }

    @Test
    void importOneConversationShowsEachAnswer() {
        script.add(conversation("T-1", "chat", "closed", t0), conversation("T-open", "chat", "open", t0));
        openSection();

        assertThat(importOne("T-1")).isEqualTo("Conversation 'T-1' was imported");
        assertThat(importOne("T-1")).isEqualTo("Conversation 'T-1' is already imported and unchanged at the source");
        script.add(conversation("T-1", "phone", "closed", t0.plusSeconds(60)));
        assertThat(importOne("T-1")).isEqualTo(
                "Conversation 'T-1' was already imported; its metadata was refreshed on the existing record");
        assertThat(importOne("T-open")).isEqualTo(
                "Conversation 'T-open' is excluded by a filter: status is 'open'; this integration imports only closed conversations");
        assertThat(importOne("T-404")).isEqualTo("Conversation 'T-404' was not found at the source");

        integration = integrations.connect(account.id(), "demo", ImportFilters.none(),
                Map.of("apiKey", "k", "scenario", "unreachable"));
        openSection();
        assertThat($(TextField.class).id("imports-one-reference").getLabel()).isEqualTo("Conversation ID");
        assertThat(importOne("100001")).isEqualTo(
                "Source unreachable: The Demo platform did not answer within 10 seconds (connection timed out)");

        integrations.with(integration, Lifecycle.PAUSED, integration.filters());
        openSection();
        // an action that cannot work is disabled, and says why (tooltip and text)
        for (String id : List.of("imports-one-button", "imports-run-now", "imports-backfill-start")) {
            assertThat($(Button.class).id(id).isEnabled()).as(id).isFalse();
            assertThat($(Button.class).id(id).getTooltip().getText()).as(id).isEqualTo("It is paused: resume it to run it");
        }
        assertThat($(Span.class).id("imports-not-runnable").getText()).isEqualTo("It is paused: resume it to run it.");
    }

    private String importOne(String reference) {
        test($(TextField.class).id("imports-one-reference")).setValue(reference);
        test($(Button.class).id("imports-one-button")).click();
        return $(Span.class).id("imports-one-answer").getText();
    }

    @Test
    void backfillShowsItsProgressAndCanBeCancelled() {
        for (int i = 0; i < 60; i++) {
            script.add(conversation("B-" + i, "chat", "closed", t0.plusSeconds(i * 600L)));
        }
        script.delayMillis = 500;
        openSection();
        test($(com.vaadin.flow.component.datepicker.DatePicker.class).id("imports-backfill-from"))
                .setValue(LocalDate.ofInstant(t0, ZoneOffset.UTC));

        test($(Button.class).id("imports-backfill-start")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> history.runs(account.id(), integration.id(), 0, 1).getFirst()
                .progress() > 0);
        poll();
        assertThat($(ProgressBar.class).id("imports-backfill-progress").isVisible()).isTrue();
        assertThat($(ProgressBar.class).id("imports-backfill-progress").getValue()).isGreaterThan(0);
        assertThat($(Span.class).id("imports-backfill-status").getText()).startsWith("Running: ");

        test($(Button.class).id("imports-backfill-cancel")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !history.runs(account.id(), integration.id(), 0, 1).getFirst()
                .running());
        poll();
        assertThat($(Span.class).id("imports-backfill-status").getText())
                .startsWith("Succeeded with warnings: Backfill was cancelled after");
        assertThat($(ProgressBar.class).withId("imports-backfill-progress").exists()).as("progress hidden").isFalse();
    }

    @Test
    void contactsAreSearchableByReferenceAndFilterableAndShowTheirDetails() {
        script.add(conversation("ZD-1001", "chat", "closed", t0), conversation("ZD-1002", "email", "closed", t0),
                conversation("ZD-2001", "chat", "closed", t0));
        manual.importOne(account.id(), integration.id(), "ZD-1001", "t");
        manual.importOne(account.id(), integration.id(), "ZD-1002", "t");
        manual.importOne(account.id(), integration.id(), "ZD-2001", "t");
        var otherAccount = accounts.createWithAllFeatures();
        var otherScript = source.newScript();
        otherScript.add(conversation("ZD-1001", "chat", "closed", t0));
        var foreign = integrations.connect(otherAccount.id(), ScriptedConnector.KEY, ImportFilters.none(),
                otherScript.credentials());
        manual.importOne(otherAccount.id(), foreign.id(), "ZD-1001", "t");

        UI.getCurrent().navigate("conversations/integrations/contacts");
        @SuppressWarnings("unchecked")
        Grid<ImportedContact> grid = $(Grid.class).id("contacts-grid");
        assertThat(test(grid).size()).isEqualTo(3);

        test($(TextField.class).id("contacts-reference")).setValue("ZD-1001");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("ZD-1001");
        assertThat($(Span.class).id("contacts-total").getText()).isEqualTo("1 contact");

        test($(TextField.class).id("contacts-reference")).setValue("ZD-10");
        assertThat(test(grid).size()).isZero();
        test($(Checkbox.class).id("contacts-prefix")).click();
        assertThat(test(grid).size()).isEqualTo(2);
        test($(TextField.class).id("contacts-reference")).setValue("ZD-*");
        assertThat(test(grid).size()).isEqualTo(3);

        @SuppressWarnings("unchecked")
        ComboBox<String> channel = $(ComboBox.class).id("contacts-channel");
        test(channel).selectItem("email");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("ZD-1002");

        test(grid).clickRow(0);
        Dialog dialog = $(Dialog.class).id("contact-details");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Contact ZD-1002");
        assertThat($(Span.class).withText("Never refreshed").exists()).isTrue();
        assertThat($(Span.class).withText("EU").exists()).isTrue();
    }

    @Test
    void choosingAnIntegrationNarrowsTheChannelListAndTheTotalToIt() {
        script.add(conversation("C-1", "chat", "closed", t0), conversation("C-2", "email", "closed", t0),
                conversation("C-3", "chat", "closed", t0));
        for (String ref : List.of("C-1", "C-2", "C-3")) {
            manual.importOne(account.id(), integration.id(), ref, "t");
        }
        var phoneScript = source.newScript();
        phoneScript.add(conversation("P-1", "phone", "closed", t0));
        var phones = integrations.connect(account.id(), ScriptedConnector.KEY, ImportFilters.none(), phoneScript.credentials());
        manual.importOne(account.id(), phones.id(), "P-1", "t");

        UI.getCurrent().navigate("conversations/integrations/contacts");
        @SuppressWarnings("unchecked")
        ComboBox<String> channel = $(ComboBox.class).id("contacts-channel");
        assertThat(test(channel).getSuggestions()).containsExactly("chat", "email", "phone");
        assertThat($(Span.class).id("contacts-total").getText()).isEqualTo("4 contacts");

        @SuppressWarnings("unchecked")
        ComboBox<Object> chooser = $(ComboBox.class).id("contacts-integration");
        test(chooser).selectItem(integration.name());
        assertThat(test(channel).getSuggestions()).containsExactly("chat", "email");
        assertThat($(Span.class).id("contacts-total").getText()).isEqualTo("3 contacts");
        test(channel).selectItem("chat");
        assertThat($(Span.class).id("contacts-total").getText()).isEqualTo("2 contacts");

        test(chooser).selectItem(phones.name());
        assertThat(test(channel).getSuggestions()).containsExactly("phone");
        assertThat(channel.getValue()).as("chat is not a channel of that integration").isNull();
        assertThat($(Span.class).id("contacts-total").getText()).isEqualTo("1 contact");
    }
}
