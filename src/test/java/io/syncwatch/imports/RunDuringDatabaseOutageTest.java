package io.syncwatch.imports;

import static io.syncwatch.imports.ScriptedConnector.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

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
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.FailingDataSource;
import io.syncwatch.testsupport.TestAccounts;

/**
 * Issue 22.2: a database error during an import never leaves the run {@code RUNNING}. The
 * database goes away in the middle of a run (the page cannot be committed, and the run's log line
 * about it cannot be written either); finishing is retried until the database is back; the run is
 * recorded failed for a transient reason, becomes due again after a short wait, and the next run
 * resumes from the last saved checkpoint with nothing lost or duplicated.
 */
@ImportsTest
class RunDuringDatabaseOutageTest {

    static final Duration RETRY_AFTER = Duration.ofMinutes(1); // syncwatch.imports.outage.retry-after default

    @Autowired TestAccounts accounts;
    @Autowired FakeIntegrations integrations;
    @Autowired ScriptedConnector source;
    @Autowired ScheduledImports scheduled;
    @Autowired ImportHistory history;
    @Autowired ImportedContacts contacts;
    @Autowired RecordedEvents events;
    @Autowired MovableClock clock;
    @Autowired JdbcClient jdbc;

    AccountId account;
    Script script;
    IntegrationSnapshot integration;

    @BeforeEach
    void setUp() {
        account = accounts.createWithAllFeatures().id();
        script = source.newScript();
        Instant t0 = clock.instant().minus(Duration.ofDays(2));
        for (int i = 0; i < 25; i++) { // pages of 10 (ImportsTest)
            script.add(conversation("DB-" + i, "chat", "closed", t0.plusSeconds(i)));
        }
        integration = integrations.connect(account, ScriptedConnector.KEY, ImportFilters.none(), script.credentials());
    }

    @AfterEach
    void databaseBack() {
        FailingDataSource.bringBack();
    }

    @Test
    void theRunIsFinishedOnceTheDatabaseIsBack_recordedFailedForATransientReason_andResumedSoon() throws Exception {
        script.onCall.put(2, FailingDataSource::takeDown); // page 1 saved; page 2 cannot be
        int refusedBefore = FailingDataSource.refused();

        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> scheduled.runScheduled(integration.id()));
        // the commit of page 2, the log line about it and at least two tries to finish the run are refused
        await().atMost(Duration.ofSeconds(30)).until(() -> FailingDataSource.refused() - refusedBefore >= 4);
        assertThat(run).as("finishing waits for the database").isNotDone();
        FailingDataSource.bringBack();
        run.get(30, TimeUnit.SECONDS);

        RunSummary failed = history.runs(account, integration.id(), 0, 1).getFirst();
        assertThat(failed.running()).as("never left running").isFalse();
        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.failureCategory()).isEqualTo(FailureCategory.SYNCWATCH_UNAVAILABLE);
        assertThat(failed.message()).isEqualTo("Syncwatch's database was unavailable during the run; "
                + "it is tried again in 1 min from the last saved checkpoint");
        assertThat(failed.counts().imported()).as("page 1 was committed").isEqualTo(10);
        assertThat(stored()).hasSize(10);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_run WHERE integration_id = ? AND state = 'RUNNING'")
                .param(integration.id().value()).query(Long.class).single()).isZero();

        List<ImportRunFinished> finished = events.of(ImportRunFinished.class, integration.id());
        assertThat(finished).as("the outcome is published once").hasSize(1);
        assertThat(finished.getFirst().failureCategory()).isEqualTo(FailureCategory.SYNCWATCH_UNAVAILABLE);
        assertThat(finished.getFirst().nextRunAt()).as("tried again soon, not at the next hourly slot")
                .isEqualTo(finished.getFirst().finishedAt().plus(RETRY_AFTER));

        assertThat(scheduled.dueIntegrations(1000)).doesNotContain(integration.id());
        clock.advance(RETRY_AFTER.plusSeconds(1));
        assertThat(scheduled.dueIntegrations(1000)).contains(integration.id());
        scheduled.runScheduled(integration.id());

        RunSummary retried = history.runs(account, integration.id(), 0, 1).getFirst();
        assertThat(retried.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(retried.counts().fetched()).as("resumed from the checkpoint after page 1").isEqualTo(15);
        assertThat(stored()).as("nothing lost, nothing twice").extracting(ImportedContact::reference)
                .hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void aSourceFailureWhoseLogLineCannotBeWrittenStillEndsTheRun() throws Exception {
        script.onCall.put(1, FailingDataSource::takeDown);
        script.failOnCall.put(1, SourceFailure.authenticationFailed("The API key was revoked"));

        int refusedBefore = FailingDataSource.refused();
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> scheduled.runScheduled(integration.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> FailingDataSource.refused() - refusedBefore >= 2);
        FailingDataSource.bringBack();
        run.get(30, TimeUnit.SECONDS);

        RunSummary failed = history.runs(account, integration.id(), 0, 1).getFirst();
        assertThat(failed.running()).isFalse();
        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.failureCategory()).as("the source's failure, not the database's")
                .isEqualTo(FailureCategory.AUTHENTICATION_FAILED);
        assertThat(events.of(ImportRunFinished.class, integration.id())).hasSize(1);
    }

    List<ImportedContact> stored() {
        return contacts.search(account, new ContactSearch("", true, integration.id(), null, null, null), 0, 10_000);
    }
}
