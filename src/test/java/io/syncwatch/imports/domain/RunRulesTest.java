package io.syncwatch.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.RunOutcome;

class RunRulesTest {

    static final Instant T = Instant.parse("2026-03-10T10:00:00Z");

    @Test
    void deduplicationInsertsNewRefreshesUpdatedAndSkipsUnchanged() {
        assertThat(DedupDecision.decide(null, T)).isEqualTo(DedupDecision.INSERT);
        assertThat(DedupDecision.decide(T, T.plusSeconds(1))).isEqualTo(DedupDecision.REFRESH);
        assertThat(DedupDecision.decide(T, T.plusMillis(300))).as("same second").isEqualTo(DedupDecision.SKIP_DUPLICATE);
        assertThat(DedupDecision.decide(T, T)).isEqualTo(DedupDecision.SKIP_DUPLICATE);
        assertThat(DedupDecision.decide(T, T.minusSeconds(5))).isEqualTo(DedupDecision.SKIP_DUPLICATE);
    }

    @Test
    void aCleanRunSucceedsAndRecordsTheLastSave() {
        var journal = new RunJournal();
        journal.add(new ImportCounts(3, 2, 1, 0, 0, 0), T);
        journal.add(new ImportCounts(2, 0, 0, 1, 1, 0), T.plusSeconds(9));
        assertThat(journal.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(journal.lastRecordSavedAt()).isEqualTo(T);
        assertThat(journal.counts()).isEqualTo(new ImportCounts(5, 2, 1, 1, 1, 0));
        assertThat(journal.message()).isEqualTo("Fetched 5, imported 2, refreshed 1, skipped by filter 1, duplicates 1");
    }

    @Test
    void nothingFetchedSaysSoAndHasNoLastSave() {
        var journal = new RunJournal();
        journal.add(ImportCounts.zero(), T);
        assertThat(journal.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(journal.lastRecordSavedAt()).isNull();
        assertThat(journal.message()).isEqualTo("No new conversations at the source");
    }

    @Test
    void warningsMakeItSucceedWithWarningsAndTheLatestIsTheMessage() {
        var journal = new RunJournal();
        journal.warn("Record '1' was skipped: missing reference");
        journal.warn("Record '2' was skipped: bad timestamp");
        assertThat(journal.outcome()).isEqualTo(RunOutcome.SUCCEEDED_WITH_WARNINGS);
        assertThat(journal.message()).isEqualTo("Record '2' was skipped: bad timestamp (1 earlier warnings in the run log)");
    }

    @Test
    void aRateLimitIsItsOwnOutcomeAndOtherFailuresFail() {
        var limited = new RunJournal();
        limited.warn("partial");
        limited.fail(FailureCategory.RATE_LIMITED, "Rate limited by the source; retry after 15 minutes");
        assertThat(limited.outcome()).isEqualTo(RunOutcome.RATE_LIMITED);
        assertThat(limited.message()).isEqualTo("Rate limited by the source; retry after 15 minutes");
        var failed = new RunJournal();
        failed.fail(FailureCategory.AUTHENTICATION_FAILED, "The API key was rejected");
        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.failureCategory()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED);
    }
}
