package io.syncwatch.imports;

import static io.syncwatch.imports.ScriptedConnector.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.syncwatch.imports.application.port.in.ImportedContacts;
import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.ImportedContact;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.TestAccounts;

/** The pipeline on the real database, driven as the scheduler drives it. */
@ImportsTest
class ImportPipelineTest {

    @Autowired TestAccounts accounts;
    @Autowired FakeIntegrations integrations;
    @Autowired ScriptedConnector source;
    @Autowired ScheduledImports scheduled;
    @Autowired ImportHistory history;
    @Autowired ImportedContacts contacts;
    @Autowired RecordedEvents events;
    @Autowired MovableClock clock;

    AccountId account;
    Script script;
    Instant t0;

    @BeforeEach
    void setUp() {
        account = accounts.createWithAllFeatures().id();
        script = source.newScript();
        t0 = clock.instant().minus(Duration.ofDays(2));
    }

    IntegrationSnapshot connect(ImportFilters filters) {
        return integrations.connect(account, ScriptedConnector.KEY, filters, script.credentials());
    }

    void addConversations(int count, String prefix) {
        for (int i = 0; i < count; i++) {
            script.add(conversation(prefix + i, "chat", "closed", t0.plusSeconds(i)));
        }
    }

    List<ImportedContact> stored(IntegrationSnapshot integration) {
        return contacts.search(account, new ContactSearch("", true, integration.id(), null, null, null), 0, 10_000);
    }

    RunSummary lastRun(IntegrationSnapshot integration) {
        return history.runs(account, integration.id(), 0, 1).getFirst();
    }

    @Test
    void aCleanRunImportsEveryPageAndReportsItsFirstRun() {
        addConversations(25, "T-");
        var integration = connect(ImportFilters.none());

        scheduled.runScheduled(integration.id());

        assertThat(stored(integration)).hasSize(25);
        RunSummary run = lastRun(integration);
        assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new ImportCounts(25, 25, 0, 0, 0, 0));
        var finished = events.of(ImportRunFinished.class, integration.id());
        assertThat(finished).hasSize(1);
        assertThat(finished.getFirst().firstRun()).isTrue();
        assertThat(finished.getFirst().trigger()).isEqualTo(RunTrigger.SCHEDULED);
        assertThat(finished.getFirst().lastRecordSavedAt()).isNotNull();
        assertThat(finished.getFirst().nextRunAt()).isEqualTo(finished.getFirst().finishedAt().plus(Duration.ofHours(1)));
        assertThat(events.of(ImportRunStarted.class, integration.id())).hasSize(1);

        clock.advance(Duration.ofHours(2));
        scheduled.runScheduled(integration.id());
        var second = events.of(ImportRunFinished.class, integration.id()).getLast();
        assertThat(second.firstRun()).isFalse();
        assertThat(second.counts().fetched()).isZero();
        assertThat(second.lastRecordSavedAt()).isNull();
        assertThat(second.message()).isEqualTo("No new conversations at the source");
    }

    @Test
    void combinedFiltersStartDateAndStatusCriteriaAllMustHold() {
        script.add(conversation("ok", "chat", "closed", t0, "vip"));
        script.add(conversation("wrong-channel", "email", "closed", t0, "vip"));
        script.add(conversation("no-tag", "chat", "closed", t0));
        script.add(conversation("open", "chat", "open", t0, "vip"));
        script.add(new io.syncwatch.imports.domain.SourceConversation("too-old", "chat", "Alice", "closed", Set.of("vip"),
                java.util.Map.of(), "s", t0.minus(Duration.ofDays(30)), t0));
        var filters = new ImportFilters(List.of(new FilterCondition(FilterField.CHANNEL, null, "chat"),
                new FilterCondition(FilterField.TAG, null, "vip")),
                LocalDate.ofInstant(t0.minus(Duration.ofDays(5)), ZoneOffset.UTC), Set.of("closed"));
        var integration = connect(filters);

        scheduled.runScheduled(integration.id());

        assertThat(stored(integration)).extracting(ImportedContact::reference).containsExactly("ok");
        assertThat(lastRun(integration).counts()).isEqualTo(new ImportCounts(5, 1, 0, 4, 0, 0));
    }

    @Test
    void deduplicationInsertsRefreshesTheSameRecordAndSkipsUnchanged() {
        script.add(conversation("A", "chat", "closed", t0), conversation("B", "chat", "closed", t0));
        var integration = connect(ImportFilters.none());
        scheduled.runScheduled(integration.id());

        script.add(conversation("A", "phone", "closed", t0.plusSeconds(60)), conversation("B", "chat", "closed", t0),
                conversation("C", "chat", "closed", t0));
        clock.advance(Duration.ofHours(2));
        scheduled.runScheduled(integration.id());

        assertThat(lastRun(integration).counts()).isEqualTo(new ImportCounts(3, 1, 1, 0, 1, 0));
        var all = stored(integration);
        assertThat(all).extracting(ImportedContact::reference).containsExactlyInAnyOrder("A", "B", "C");
        ImportedContact a = all.stream().filter(c -> c.reference().equals("A")).findFirst().orElseThrow();
        assertThat(a.channel()).isEqualTo("phone");
        assertThat(a.lastRefreshedAt()).isNotNull();
        assertThat(a.firstImportedAt()).isBefore(a.lastRefreshedAt());
        assertThat(all.stream().filter(c -> c.reference().equals("B")).findFirst().orElseThrow().lastRefreshedAt()).isNull();
    }

    @Test
    void aRateLimitStopsKeepsTheCheckpointAndTheNextRunResumesWithoutGapOrDuplicate() {
        addConversations(50, "R-");
        script.failOnCall.put(3, SourceFailure.rateLimited("Too many requests (429)", Duration.ofMinutes(5)));
        var integration = connect(ImportFilters.none());

        scheduled.runScheduled(integration.id());

        RunSummary limited = lastRun(integration);
        assertThat(limited.outcome()).isEqualTo(RunOutcome.RATE_LIMITED);
        assertThat(limited.failureCategory()).isEqualTo(FailureCategory.RATE_LIMITED);
        assertThat(limited.message()).isEqualTo("Too many requests (429)");
        assertThat(stored(integration)).hasSize(20);
        var finished = events.of(ImportRunFinished.class, integration.id()).getLast();
        assertThat(finished.nextRunAt()).isEqualTo(finished.finishedAt().plus(Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(6));
        scheduled.runScheduled(integration.id());

        assertThat(lastRun(integration).outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(lastRun(integration).counts()).isEqualTo(new ImportCounts(30, 30, 0, 0, 0, 0));
        assertThat(stored(integration)).extracting(ImportedContact::reference).doesNotHaveDuplicates().hasSize(50);
    }

    @Test
    void malformedRecordsAreSkippedWithAWarningNamingThem() {
        addConversations(5, "M-");
        script.addMalformed("M-bad", "bad timestamp 'yesterday'");
        script.addMalformed(null, "missing reference");
        addConversations(3, "N-");
        var integration = connect(ImportFilters.none());

        scheduled.runScheduled(integration.id());

        RunSummary run = lastRun(integration);
        assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED_WITH_WARNINGS);
        assertThat(run.counts().skippedMalformed()).isEqualTo(2);
        assertThat(run.counts().imported()).isEqualTo(8);
        assertThat(run.message()).startsWith("A record without a reference was skipped: missing reference");
        assertThat(history.logLines(account, run.id())).extracting(l -> l.message())
                .contains("Record 'M-bad' was skipped: bad timestamp 'yesterday'");
    }

    @Test
    void aPartialFetchEndsWithWarnings() {
        addConversations(5, "P-");
        script.warningsOnCall.put(1, List.of("Only 5 of 7 conversations could be read (2 were deleted meanwhile)"));
        var integration = connect(ImportFilters.none());

        scheduled.runScheduled(integration.id());

        assertThat(lastRun(integration).outcome()).isEqualTo(RunOutcome.SUCCEEDED_WITH_WARNINGS);
        assertThat(lastRun(integration).message()).contains("Only 5 of 7");
    }

    @Test
    void transientFailuresAreRetriedAndReportedAndFailAfterTheLastAttempt() {
        addConversations(5, "U-");
        script.failOnCall.put(1, SourceFailure.unreachable("Connection timed out", null));
        script.failOnCall.put(2, SourceFailure.unreachable("HTTP 503 from the source", null));
        var integration = connect(ImportFilters.none());

        scheduled.runScheduled(integration.id());

        assertThat(lastRun(integration).outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(events.of(ImportRunRetrying.class, integration.id())).extracting(ImportRunRetrying::attempt)
                .containsExactly(1, 2);

        var failing = source.newScript();
        addConversationsTo(failing);
        for (int call = 1; call <= 3; call++) {
            failing.failOnCall.put(call, SourceFailure.unreachable("HTTP 502 from the source", null));
        }
        var other = integrations.connect(account, ScriptedConnector.KEY, ImportFilters.none(), failing.credentials());
        scheduled.runScheduled(other.id());
        var failed = events.of(ImportRunFinished.class, other.id()).getLast();
        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.failureCategory()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
        assertThat(failed.message()).isEqualTo("HTTP 502 from the source");
    }

    private void addConversationsTo(Script s) {
        s.add(conversation("X-1", "chat", "closed", t0));
    }

    @Test
    void authenticationAndPermissionFailuresFailTheRunWithTheirCategory() {
        script.failOnCall.put(1, SourceFailure.authenticationFailed("API token revoked (401)"));
        var integration = connect(ImportFilters.none());
        scheduled.runScheduled(integration.id());
        var failed = events.of(ImportRunFinished.class, integration.id()).getLast();
        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.failureCategory()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED);
        assertThat(failed.message()).isEqualTo("API token revoked (401)");

        clock.advance(Duration.ofHours(2));
        script.failOnCall.put(2, SourceFailure.permissionDenied("The token may not read tickets (403)"));
        scheduled.runScheduled(integration.id());
        assertThat(events.of(ImportRunFinished.class, integration.id()).getLast().failureCategory())
                .isEqualTo(FailureCategory.PERMISSION_DENIED);
    }

    @Test
    void aCrashedRunIsResumedByTheRevivedExecutionFromItsCheckpointAsTheSameRun() {
        addConversations(35, "I-");
        script.crashOnCall = 3;
        var integration = connect(ImportFilters.none());

        assertThatThrownBy(() -> scheduled.runScheduled(integration.id()))
                .isInstanceOf(ScriptedConnector.SimulatedCrash.class);
        assertThat(stored(integration)).hasSize(20);
        assertThat(lastRun(integration).running()).isTrue();
        assertThat(events.of(ImportRunFinished.class, integration.id())).isEmpty();

        // db-scheduler revives the dead instance's execution: it resumes the unfinished run
        scheduled.runScheduled(integration.id());

        List<RunSummary> runs = history.runs(account, integration.id(), 0, 10);
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.running()).isFalse();
            assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(run.counts()).isEqualTo(new ImportCounts(35, 35, 0, 0, 0, 0));
        });
        assertThat(history.logLines(account, runs.getFirst().id())).extracting(l -> l.message())
                .contains("Resumed from the last saved checkpoint after an interruption");
        assertThat(stored(integration)).extracting(ImportedContact::reference).doesNotHaveDuplicates().hasSize(35);
        // the run's outcome is published once, with every contact it imported (issue 22.5)
        assertThat(events.of(ImportRunFinished.class, integration.id())).singleElement()
                .satisfies(e -> assertThat(e.counts().imported()).isEqualTo(35));
    }

    @Test
    void aShutdownStopsTheRunAfterASavedPageMarksItInterruptedAndTheNextExecutionResumesIt() {
        addConversations(35, "G-");
        var integration = connect(ImportFilters.none());
        // the application starts stopping while the second page is read
        boolean interrupted = scheduled.runScheduled(integration.id(), () -> script.calls.get() >= 2);

        assertThat(interrupted).isTrue();
        RunSummary waiting = lastRun(integration);
        assertThat(waiting.running()).isFalse();
        assertThat(waiting.interrupted()).isTrue();
        assertThat(waiting.outcome()).isNull();
        assertThat(waiting.counts().imported()).isEqualTo(20);
        assertThat(stored(integration)).hasSize(20);
        assertThat(history.logLines(account, waiting.id())).extracting(l -> l.message())
                .anySatisfy(m -> assertThat(m).startsWith("Interrupted — resuming from checkpoint"));
        assertThat(events.of(ImportRunFinished.class, integration.id())).isEmpty();

        assertThat(scheduled.runScheduled(integration.id(), () -> false)).isFalse();

        assertThat(history.runs(account, integration.id(), 0, 10)).singleElement().satisfies(run -> {
            assertThat(run.id()).isEqualTo(waiting.id());
            assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(run.counts()).isEqualTo(new ImportCounts(35, 35, 0, 0, 0, 0));
        });
        assertThat(script.calls.get()).as("pages read: 2 before the stop, 2 after").isEqualTo(4);
        assertThat(stored(integration)).extracting(ImportedContact::reference).doesNotHaveDuplicates().hasSize(35);
        assertThat(events.of(ImportRunFinished.class, integration.id())).singleElement()
                .satisfies(e -> assertThat(e.counts().imported()).isEqualTo(35));
    }

    @Test
    void anInterruptedRunOfAnIntegrationPausedMeanwhileEndsWithWhatItSavedAndPublishesItsOutcome() {
        addConversations(25, "P-");
        var integration = connect(ImportFilters.none());
        assertThat(scheduled.runScheduled(integration.id(), () -> script.calls.get() >= 1)).isTrue();
        integrations.with(integration, Lifecycle.PAUSED, ImportFilters.none());

        scheduled.runScheduled(integration.id());

        RunSummary run = lastRun(integration);
        assertThat(run.interrupted()).isFalse();
        assertThat(run.running()).isFalse();
        assertThat(run.message()).startsWith("Stopped before it could resume: the integration is paused");
        assertThat(events.of(ImportRunFinished.class, integration.id())).singleElement()
                .satisfies(e -> assertThat(e.counts().imported()).isEqualTo(10));
    }

    @Test
    void pausedSetupAndDeletedIntegrationsNeverRun() {
        addConversations(3, "Z-");
        var integration = connect(ImportFilters.none());
        for (Lifecycle lifecycle : List.of(Lifecycle.PAUSED, Lifecycle.SETUP, Lifecycle.DELETED)) {
            integrations.with(integration, lifecycle, ImportFilters.none());
            assertThat(scheduled.dueIntegrations(10_000)).doesNotContain(integration.id());
            scheduled.runScheduled(integration.id());
        }
        assertThat(history.countRuns(account, integration.id())).isZero();
        assertThat(script.calls.get()).isZero();

        integrations.with(integration, Lifecycle.ACTIVE, ImportFilters.none());
        assertThat(scheduled.dueIntegrations(10_000)).contains(integration.id());
    }
}
