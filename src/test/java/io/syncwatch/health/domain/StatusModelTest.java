package io.syncwatch.health.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.syncwatch.health.DetailedState;
import io.syncwatch.health.SummaryStatus;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;

/**
 * The one status model (issue 18): each detailed state's summary status, as tabled in
 * architecture/health.md (spec 000: Error = the last run failed), and what an integration's
 * situation (lifecycle, last run) shows and tells the user to do on every surface.
 */
class StatusModelTest {

    static final Instant T0 = Instant.parse("2026-02-08T10:00:00Z");

    /** The table of architecture/health.md, row for row. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "ACTIVE,                 ACTIVE,  Active,                  false",
            "WAITING_FOR_FIRST_RUN,  ACTIVE,  Waiting for first run,   false",
            "SYNC_HAS_WARNINGS,      WARNING, Sync has warnings,       true",
            "SETUP,                  WARNING, Setup,                   false",
            "SYNC_FAILING,           ERROR,   Sync failing,            true",
            "AUTHENTICATION_FAILING, ERROR,   Authentication failing,  true",
            "CREDENTIALS_INVALID,    ERROR,   Credentials invalid,     true",
            "QUALITY_ASSURANCE,      ERROR,   Quality assurance,       true",
            "INACTIVE,               PAUSED,  Inactive,                false",
            "DELETED,                PAUSED,  Deleted,                 false" })
    void eachDetailedStateHasOneSummary(DetailedState state, SummaryStatus summary, String label, boolean unhealthy) {
        assertThat(state.summary()).isEqualTo(summary);
        assertThat(state.label()).isEqualTo(label);
        assertThat(state.unhealthy()).as("leaving it for Active is a recovery").isEqualTo(unhealthy);
    }

    @Test
    void theTableCoversEveryState() {
        assertThat(Arrays.stream(DetailedState.values()).map(Enum::name))
                .containsExactlyInAnyOrder("ACTIVE", "WAITING_FOR_FIRST_RUN", "SYNC_HAS_WARNINGS", "SETUP",
                        "SYNC_FAILING", "AUTHENTICATION_FAILING", "CREDENTIALS_INVALID", "QUALITY_ASSURANCE",
                        "INACTIVE", "DELETED");
    }

    /**
     * Situations a user meets, what every surface shows for them, and what it says to do (who acts
     * next). "-" is no run / no category.
     */
    @ParameterizedTest(name = "{0}/{1}, run {2}/{3} → {4}")
    @CsvSource({
            // just activated: not "Active · Active" with Last ran Never
            "ACTIVE, -, -, -, WAITING_FOR_FIRST_RUN, ACTIVE, the first run starts",
            "SETUP, -, -, -, SETUP, WARNING, Finish setup",
            "ACTIVE, -, SUCCEEDED, -, ACTIVE, ACTIVE, -",
            "ACTIVE, -, SUCCEEDED_WITH_WARNINGS, -, SYNC_HAS_WARNINGS, WARNING, review the message",
            "ACTIVE, -, RATE_LIMITED, RATE_LIMITED, SYNC_HAS_WARNINGS, WARNING, the next run will resume",
            "ACTIVE, -, FAILED, SOURCE_UNREACHABLE, SYNC_FAILING, ERROR, persists past the next scheduled run",
            "ACTIVE, -, FAILED, AUTHENTICATION_FAILED, AUTHENTICATION_FAILING, ERROR, Reconnect",
            // held after a failed first run: no next run to wait for, our engineering team acts next
            "PAUSED, QUALITY_ASSURANCE, FAILED, SOURCE_UNREACHABLE, QUALITY_ASSURANCE, ERROR, our engineering team",
            "PAUSED, CREDENTIALS_INVALID, FAILED, AUTHENTICATION_FAILED, CREDENTIALS_INVALID, ERROR, Reconnect with new credentials",
            "PAUSED, MANUAL, SUCCEEDED, -, INACTIVE, PAUSED, Resume it",
            "PAUSED, DEVELOPMENT_INACTIVITY, -, -, INACTIVE, PAUSED, Reactivate it",
            "DELETED, -, SUCCEEDED, -, DELETED, PAUSED, -" })
    void situationsShowOneStoryAndSayWhoActsNext(Lifecycle lifecycle, String reason, String outcome, String category,
            DetailedState expected, SummaryStatus summary, String action) {
        var record = HealthRecord.of(HealthFixtures.snapshot(1, 1, "Support desk", Lifecycle.ACTIVE, null, T0));
        record.apply(HealthFixtures.snapshot(1, 1, "Support desk", Lifecycle.ACTIVE, null, T0));
        if (!outcome.equals("-") && expected != DetailedState.QUALITY_ASSURANCE) {
            // a good first sync first: problems on the first sync are quality assurance's row
            record.runFinished(HealthFixtures.finished(1, 1, T0.plusSeconds(30), RunOutcome.SUCCEEDED, null, "ok", true,
                    T0.plusSeconds(30)));
        }
        if (!outcome.equals("-")) {
            RunOutcome o = RunOutcome.valueOf(outcome);
            record.runFinished(HealthFixtures.finished(1, 1, T0.plusSeconds(60), o,
                    category.equals("-") ? null : FailureCategory.valueOf(category), "The run said so", false,
                    o == RunOutcome.FAILED ? null : T0.plusSeconds(60)));
        }
        var change = record.apply(HealthFixtures.snapshot(1, 1, "Support desk", lifecycle,
                reason.equals("-") ? null : PauseReason.valueOf(reason), T0));

        assertThat(change.current()).isEqualTo(expected);
        assertThat(record.state().summary()).isEqualTo(summary);
        if (action.equals("-")) {
            assertThat(record.recommendedAction()).isNull();
        } else {
            assertThat(record.recommendedAction()).containsIgnoringCase(action);
        }
        if (expected == DetailedState.QUALITY_ASSURANCE) {
            assertThat(record.whatToCheck()).as("nothing for the customer to check during a QA hold").isEmpty();
            assertThat(record.recommendedAction()).doesNotContain("next scheduled run");
        }
    }

    @Test
    void theFirstFinishedRunEndsTheWait() {
        var record = HealthRecord.of(HealthFixtures.snapshot(1, 1, "Support desk", Lifecycle.ACTIVE, null, T0));
        record.apply(HealthFixtures.snapshot(1, 1, "Support desk", Lifecycle.ACTIVE, null, T0));
        assertThat(record.state()).isEqualTo(DetailedState.WAITING_FOR_FIRST_RUN);
        record.runStarted(T0);
        assertThat(record.state()).as("still waiting while the first run is under way")
                .isEqualTo(DetailedState.WAITING_FOR_FIRST_RUN);
        var change = record.runFinished(HealthFixtures.finished(1, 1, T0.plusSeconds(60), RunOutcome.SUCCEEDED, null,
                "Fetched 3, imported 3", true, T0.plusSeconds(60)));
        assertThat(change.previous()).isEqualTo(DetailedState.WAITING_FOR_FIRST_RUN);
        assertThat(change.current()).isEqualTo(DetailedState.ACTIVE);
    }
}
