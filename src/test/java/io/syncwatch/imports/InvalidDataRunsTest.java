package io.syncwatch.imports;

import static io.syncwatch.imports.ScriptedConnector.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.testsupport.MovableClock;
import io.syncwatch.imports.ImportsFixtures.RecordedEvents;
import io.syncwatch.imports.ScriptedConnector.Script;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.ImportedContacts;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.imports.application.port.in.SingleImportAnswer;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.ImportedContact;
import io.syncwatch.imports.domain.RunLogLine;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.TestAccounts;

/**
 * A connector that cannot use the source's answer as a whole (a body that is not JSON, an answer
 * the platform's API does not document, a single conversation it cannot map) reports
 * {@code SourceFailure.invalidData}: the run ends <em>Failed</em> with the category
 * <em>Invalid data</em> and the connector's message in full (the "most recent message" the
 * Platforms tab shows on hover, spec 000, and the sync's log message, spec 002), it is not
 * retried, what earlier pages saved stays, and the next run resumes at the kept checkpoint.
 * Single malformed records are not that: they are skipped with a warning (see ImportPipelineTest).
 */
@ImportsTest
class InvalidDataRunsTest {

    static final String NOT_JSON = "The source answered with a body that is not JSON (text/html: <html>Maintenance</html>)";

    @Autowired TestAccounts accounts;
    @Autowired FakeIntegrations integrations;
    @Autowired ScriptedConnector source;
    @Autowired ScheduledImports scheduled;
    @Autowired ManualImports manual;
    @Autowired ImportHistory history;
    @Autowired ImportedContacts contacts;
    @Autowired RecordedEvents events;
    @Autowired MovableClock clock;

    AccountId account;
    Script script;
    Instant t0;
    IntegrationSnapshot integration;

    @BeforeEach
    void setUp() {
        account = accounts.createWithAllFeatures().id();
        script = source.newScript();
        t0 = clock.instant().minus(Duration.ofDays(2));
        for (int i = 0; i < 25; i++) {
            script.add(conversation("I-" + i, "chat", "closed", t0.plusSeconds(i)));
        }
        integration = integrations.connect(account, ScriptedConnector.KEY, ImportFilters.none(), script.credentials());
    }

    List<String> stored() {
        return contacts.search(account, new ContactSearch("", true, integration.id(), null, null, null), 0, 10_000)
                .stream().map(ImportedContact::reference).toList();
    }

    RunSummary lastRun() {
        return history.runs(account, integration.id(), 0, 1).getFirst();
    }

    @Test
    void anUnusableAnswerFailsTheRunAsInvalidDataWithTheConnectorsMessageAndNoRetry() {
        script.failOnCall.put(2, SourceFailure.invalidData(NOT_JSON, null));

        scheduled.runScheduled(integration.id());

        RunSummary run = lastRun();
        assertThat(run.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(run.failureCategory()).isEqualTo(FailureCategory.INVALID_DATA);
        assertThat(run.failureCategory().label()).isEqualTo("Invalid data");
        assertThat(run.message()).isEqualTo(NOT_JSON);
        assertThat(run.counts()).as("the first page (10 records) was saved before the failure")
                .isEqualTo(new ImportCounts(10, 10, 0, 0, 0, 0));
        assertThat(stored()).hasSize(10);
        assertThat(script.calls.get()).as("invalid data is not transient: no retry").isEqualTo(2);
        assertThat(events.of(ImportRunRetrying.class, integration.id())).isEmpty();
        assertThat(history.logLines(account, run.id())).extracting(RunLogLine::level, RunLogLine::message)
                .contains(org.assertj.core.groups.Tuple.tuple("ERROR", "Invalid data: " + NOT_JSON));

        ImportRunFinished finished = events.of(ImportRunFinished.class, integration.id()).getLast();
        assertThat(finished.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(finished.failureCategory()).isEqualTo(FailureCategory.INVALID_DATA);
        assertThat(finished.message()).as("the message health shows on hover, in full").isEqualTo(NOT_JSON);
        assertThat(finished.lastRecordSavedAt()).as("records of the first page were saved").isNotNull();
        assertThat(finished.firstRun()).isTrue();
        assertThat(finished.nextRunAt()).as("the next run on the schedule")
                .isEqualTo(finished.finishedAt().plus(Duration.ofHours(1)));
    }

    @Test
    void theNextRunResumesAfterTheLastSavedPageWithoutGapOrDuplicate() {
        script.failOnCall.put(2, SourceFailure.invalidData(NOT_JSON, null));
        scheduled.runScheduled(integration.id());

        clock.advance(Duration.ofHours(1));
        scheduled.runScheduled(integration.id());

        RunSummary resumed = lastRun();
        assertThat(resumed.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(resumed.failureCategory()).isNull();
        assertThat(resumed.counts()).isEqualTo(new ImportCounts(15, 15, 0, 0, 0, 0));
        assertThat(stored()).doesNotHaveDuplicates().hasSize(25);
        assertThat(events.of(ImportRunFinished.class, integration.id()).getLast().firstRun()).isFalse();
    }

    @Test
    void invalidDataOnTheFirstPageSavesNothing() {
        script.failOnCall.put(1, SourceFailure.invalidData("Zendesk answered 404 for /api/v2/incremental/tickets/cursor.json: "
                + "check the subdomain.", null));

        scheduled.runScheduled(integration.id());

        RunSummary run = lastRun();
        assertThat(run.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(run.failureCategory()).isEqualTo(FailureCategory.INVALID_DATA);
        assertThat(run.message()).endsWith("check the subdomain.");
        assertThat(run.counts()).isEqualTo(ImportCounts.zero());
        assertThat(stored()).isEmpty();
        assertThat(events.of(ImportRunFinished.class, integration.id()).getLast().lastRecordSavedAt()).isNull();
    }

    @Test
    void aSingleConversationTheConnectorCannotMapIsAnsweredAndRecordedAsInvalidData() {
        script.fetchOneFailure = SourceFailure.invalidData(
                "Record '35436' was skipped: its created_at/updated_at is not an ISO-8601 timestamp ('yesterday')", null);

        SingleImportAnswer answer = manual.importOne(account, integration.id(), "35436", "ada");

        assertThat(answer.kind()).isEqualTo(SingleImportAnswer.Kind.FAILED);
        assertThat(answer.message()).isEqualTo("Invalid data: Record '35436' was skipped: its created_at/updated_at is "
                + "not an ISO-8601 timestamp ('yesterday')");
        RunSummary run = lastRun();
        assertThat(run.trigger()).isEqualTo(RunTrigger.SINGLE_CONVERSATION);
        assertThat(run.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(run.failureCategory()).isEqualTo(FailureCategory.INVALID_DATA);
        assertThat(stored()).isEmpty();
    }
}
