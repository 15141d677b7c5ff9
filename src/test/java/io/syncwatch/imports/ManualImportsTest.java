package io.syncwatch.imports;

import static io.syncwatch.imports.ScriptedConnector.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.testsupport.MovableClock;
import io.syncwatch.imports.ImportsFixtures.RecordedEvents;
import io.syncwatch.imports.ScriptedConnector.Script;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.application.port.in.SingleImportAnswer.Kind;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.SourcePlatformCatalog;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.TestAccounts;

/** Run now, single-conversation import (every answer), backfill, the catalog and the published events. */
@ImportsTest
class ManualImportsTest {

    @Autowired TestAccounts accounts;
    @Autowired FakeIntegrations integrations;
    @Autowired ScriptedConnector source;
    @Autowired ManualImports manual;
    @Autowired ImportOperations operations;
    @Autowired ImportHistory history;
    @Autowired RecordedEvents events;
    @Autowired MovableClock clock;
    @Autowired SourcePlatformCatalog catalog;

    AccountId account;
    Script script;
    IntegrationSnapshot integration;
    Instant t0;

    @BeforeEach
    void setUp() {
        account = accounts.createWithAllFeatures().id();
        script = source.newScript();
        t0 = clock.instant().minus(Duration.ofDays(1));
        integration = integrations.connect(account, ScriptedConnector.KEY,
                new ImportFilters(List.of(), null, Set.of("closed")), script.credentials());
    }

    @Test
    void runNowImportsInTheBackgroundAndPublishesStartedAndFinished() {
        script.add(conversation("R-1", "chat", "closed", t0), conversation("R-2", "chat", "open", t0));

        var run = operations.runNow(account, integration.id(), "ada@example.test");

        await().atMost(Duration.ofSeconds(10)).until(() -> !manual.run(account, run).orElseThrow().running());
        RunSummary done = manual.run(account, run).orElseThrow();
        assertThat(done.trigger()).isEqualTo(RunTrigger.MANUAL);
        assertThat(done.actor()).isEqualTo("ada@example.test");
        assertThat(done.counts()).isEqualTo(new ImportCounts(2, 1, 0, 1, 0, 0));
        assertThat(events.of(ImportRunStarted.class, integration.id())).singleElement()
                .satisfies(e -> assertThat(e.trigger()).isEqualTo(RunTrigger.MANUAL));
        assertThat(events.of(ImportRunFinished.class, integration.id())).singleElement().satisfies(e -> {
            assertThat(e.runId()).isEqualTo(run);
            assertThat(e.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(e.firstRun()).isTrue();
            assertThat(e.message()).isEqualTo("Fetched 2, imported 1, refreshed 0, skipped by filter 1, duplicates 0");
        });
    }

    @Test
    void runNowAndImportOneRefuseAnotherAccountsOrAPausedIntegration() {
        AccountId other = accounts.createWithAllFeatures().id();
        assertThatThrownBy(() -> manual.runNow(other, integration.id(), "x")).isInstanceOf(io.syncwatch.imports.ImportRefusal.NoSuchIntegration.class);
        integrations.with(integration, Lifecycle.PAUSED, integration.filters());
        assertThatThrownBy(() -> manual.runNow(account, integration.id(), "x")).isInstanceOf(io.syncwatch.imports.ImportRefusal.CannotRun.class)
                .hasMessageContaining("paused");
        assertThatThrownBy(() -> manual.importOne(account, integration.id(), "T-1", "x")).isInstanceOf(io.syncwatch.imports.ImportRefusal.CannotRun.class)
                .hasMessage("Only active integrations import. It is paused: resume it to run it.");
        assertThatThrownBy(() -> manual.importOne(other, integration.id(), "T-1", "x")).isInstanceOf(io.syncwatch.imports.ImportRefusal.NoSuchIntegration.class);
    }

    @Test
    void importOneAnswersEachCaseExactly() {
        script.add(conversation("T-1", "chat", "closed", t0), conversation("T-open", "chat", "open", t0));

        var imported = manual.importOne(account, integration.id(), " T-1 ", "ada");
        assertThat(imported.kind()).isEqualTo(Kind.IMPORTED);
        assertThat(imported.message()).isEqualTo("Conversation 'T-1' was imported");

        assertThat(manual.importOne(account, integration.id(), "T-1", "ada").kind()).isEqualTo(Kind.ALREADY_PRESENT);

        script.add(conversation("T-1", "email", "closed", t0.plusSeconds(30)));
        var refreshed = manual.importOne(account, integration.id(), "T-1", "ada");
        assertThat(refreshed.kind()).isEqualTo(Kind.REFRESHED);
        assertThat(refreshed.message()).contains("metadata was refreshed on the existing record");

        var excluded = manual.importOne(account, integration.id(), "T-open", "ada");
        assertThat(excluded.kind()).isEqualTo(Kind.EXCLUDED_BY_FILTER);
        assertThat(excluded.message()).isEqualTo(
                "Conversation 'T-open' is excluded by a filter: status is 'open'; this integration imports only closed conversations");

        var missing = manual.importOne(account, integration.id(), "T-404", "ada");
        assertThat(missing.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(missing.message()).isEqualTo("Conversation 'T-404' was not found at the source");

        var failingScript = source.newScript();
        var failing = integrations.connect(account, "demo", ImportFilters.none(),
                java.util.Map.of("apiKey", "k", "scenario", "unreachable"));
        var failed = manual.importOne(account, failing.id(), "100001", "ada");
        assertThat(failed.kind()).isEqualTo(Kind.FAILED);
        assertThat(failed.message()).startsWith("Source unreachable: ");
        assertThat(failingScript.calls.get()).isZero();

        var finished = events.of(ImportRunFinished.class, integration.id());
        assertThat(finished).hasSize(5).allSatisfy(e -> {
            assertThat(e.trigger()).isEqualTo(RunTrigger.SINGLE_CONVERSATION);
            assertThat(e.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(e.firstRun()).isFalse();
        });
        assertThat(finished.get(3).message()).isEqualTo(excluded.message());
    }

    @Test
    void backfillRereadsTheWindowWithCurrentFiltersReportsProgressAndCanBeCancelled() {
        for (int i = 0; i < 30; i++) {
            script.add(conversation("B-" + i, "chat", i % 2 == 0 ? "closed" : "open", t0.plusSeconds(i * 60L)));
        }
        manual.importOne(account, integration.id(), "B-0", "ada");
        integrations.with(integration, Lifecycle.ACTIVE, ImportFilters.none());

        var run = manual.startBackfill(account, integration.id(), LocalDate.ofInstant(t0, ZoneOffset.UTC), "ada");
        await().atMost(Duration.ofSeconds(10)).until(() -> !manual.run(account, run).orElseThrow().running());

        RunSummary done = manual.run(account, run).orElseThrow();
        assertThat(done.trigger()).isEqualTo(RunTrigger.BACKFILL);
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.counts()).isEqualTo(new ImportCounts(30, 29, 0, 0, 1, 0));

        script.delayMillis = 400;
        var slow = manual.startBackfill(account, integration.id(), LocalDate.ofInstant(t0, ZoneOffset.UTC), "ada");
        await().atMost(Duration.ofSeconds(10)).until(() -> manual.run(account, slow).orElseThrow().progress() > 0);
        assertThat(manual.cancel(account, slow, "ada")).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !manual.run(account, slow).orElseThrow().running());
        RunSummary cancelled = manual.run(account, slow).orElseThrow();
        assertThat(cancelled.outcome()).isEqualTo(RunOutcome.SUCCEEDED_WITH_WARNINGS);
        assertThat(cancelled.message()).startsWith("Backfill was cancelled after");
        assertThat(cancelled.counts().fetched()).isLessThan(30);
    }

    @Test
    void theCatalogListsConnectorsAndMapsConnectionFailuresToTheirCategory() {
        assertThat(catalog.find("demo")).hasValueSatisfying(d -> {
            assertThat(d.displayName()).isEqualTo("Demo platform");
            assertThat(d.supportsSingleConversationImport()).isTrue();
            assertThat(d.referenceLabel()).isEqualTo("Conversation ID");
        });
        var sc = new io.syncwatch.integrations.SourceCredentials(java.util.Map.of("apiKey", "k", "scenario", "healthy"));
        assertThat(catalog.testConnection("demo", sc).ok()).isTrue();
        var rejected = catalog.testConnection("demo",
                new io.syncwatch.integrations.SourceCredentials(java.util.Map.of("apiKey", "invalid", "scenario", "healthy")));
        assertThat(rejected.ok()).isFalse();
        assertThat(rejected.failure()).isEqualTo("Authentication failed");
        assertThat(rejected.message()).isEqualTo("The Demo platform rejected the API key (HTTP 401 Unauthorized)");
        var revokedLater = catalog.testConnection("demo",
                new io.syncwatch.integrations.SourceCredentials(java.util.Map.of("apiKey", "k", "scenario", "auth-failing")));
        assertThat(revokedLater.ok()).as("the scenario plays out during imports, not at connection").isTrue();
        assertThat(SourceFailure.rateLimited("x", Duration.ofMinutes(1)).category()).isEqualTo(FailureCategory.RATE_LIMITED);
    }
}
