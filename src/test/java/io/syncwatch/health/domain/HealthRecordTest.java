package io.syncwatch.health.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.syncwatch.health.DetailedState;
import io.syncwatch.health.SummaryStatus;
import io.syncwatch.health.domain.HealthRecord.Decision;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.ImportRunRetrying;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.platform.AccountId;

class HealthRecordTest {

    static final Instant T0 = Instant.parse("2026-02-08T10:00:00Z");

    static IntegrationSnapshot snapshot(Lifecycle lifecycle, @Nullable PauseReason reason) {
        return HealthFixtures.snapshot(1, 1, "Support desk", lifecycle, reason, T0);
    }

    static ImportRunFinished run(Instant at, RunOutcome outcome, @Nullable FailureCategory category, boolean first) {
        return HealthFixtures.finished(1, 1, at, outcome, category, "msg " + outcome, first, outcome == RunOutcome.FAILED ? null : at);
    }

    HealthRecord activeAfterGoodFirstRun() {
        var record = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null));
        record.runFinished(run(T0, RunOutcome.SUCCEEDED, null, true));
        return record;
    }

    @Test
    void connectedWithoutFiltersIsSetupAndFinishingSetupWaitsForTheFirstRun() {
        var record = HealthRecord.of(snapshot(Lifecycle.SETUP, null));
        assertThat(record.apply(snapshot(Lifecycle.SETUP, null)).current()).isEqualTo(DetailedState.SETUP);
        assertThat(record.state().summary()).isEqualTo(SummaryStatus.WARNING);
        var change = record.apply(snapshot(Lifecycle.ACTIVE, null));
        // spec 000: Active is "the last run completed"; before any run it waits for the first one
        assertThat(change.current()).isEqualTo(DetailedState.WAITING_FOR_FIRST_RUN);
        assertThat(record.state().summary()).isEqualTo(SummaryStatus.ACTIVE);
        assertThat(change.stateChanged()).isTrue();
    }

    @Test
    void runOutcomesMapToDetailedStates() {
        var record = activeAfterGoodFirstRun();
        assertThat(record.state()).isEqualTo(DetailedState.ACTIVE);
        assertThat(record.runFinished(run(T0.plusSeconds(3600), RunOutcome.SUCCEEDED_WITH_WARNINGS, null, false)).current())
                .isEqualTo(DetailedState.SYNC_HAS_WARNINGS);
        assertThat(record.recommendedAction()).isEqualTo(RecommendedAction.REVIEW_MESSAGE);
        assertThat(record.runFinished(run(T0.plusSeconds(7200), RunOutcome.RATE_LIMITED, FailureCategory.RATE_LIMITED, false)).current())
                .isEqualTo(DetailedState.SYNC_HAS_WARNINGS);
        assertThat(record.recommendedAction()).isEqualTo(RecommendedAction.NO_ACTION_RATE_LIMITED);
        for (var category : new FailureCategory[] { FailureCategory.PERMISSION_DENIED, FailureCategory.SOURCE_UNREACHABLE,
                FailureCategory.INVALID_DATA, FailureCategory.UNEXPECTED }) {
            assertThat(record.runFinished(run(T0.plusSeconds(9000), RunOutcome.FAILED, category, false)).current())
                    .isEqualTo(DetailedState.SYNC_FAILING);
            assertThat(record.state().summary()).isEqualTo(SummaryStatus.ERROR);
            assertThat(record.failureCategory()).isEqualTo(category);
        }
        assertThat(record.recommendedAction()).isEqualTo(RecommendedAction.CONTACT_SUPPORT);
        var auth = record.runFinished(run(T0.plusSeconds(10000), RunOutcome.FAILED, FailureCategory.AUTHENTICATION_FAILED, false));
        assertThat(auth.current()).isEqualTo(DetailedState.AUTHENTICATION_FAILING);
        assertThat(auth.decision()).isEqualTo(Decision.NONE);
        assertThat(record.recommendedAction()).isEqualTo(RecommendedAction.RECONNECT);
        assertThat(record.message()).isEqualTo("msg FAILED");
        assertThat(record.runFinished(run(T0.plusSeconds(11000), RunOutcome.SUCCEEDED, null, false)).current())
                .isEqualTo(DetailedState.ACTIVE);
        assertThat(record.recommendedAction()).isNull();
    }

    @Test
    void everyRunFailingOnAuthenticationForThreeDaysDeclaresCredentialsInvalidOnce() {
        var record = activeAfterGoodFirstRun();
        Instant start = T0.plus(Duration.ofHours(1));
        record.runFinished(run(start, RunOutcome.FAILED, FailureCategory.AUTHENTICATION_FAILED, false));
        Instant streak = start.minusSeconds(60); // the failing run's start
        assertThat(record.authFailingSince()).isEqualTo(streak);
        var justBefore = record.runFinished(run(streak.plus(Duration.ofHours(72)).minusSeconds(1), RunOutcome.FAILED,
                FailureCategory.AUTHENTICATION_FAILED, false));
        assertThat(justBefore.current()).isEqualTo(DetailedState.AUTHENTICATION_FAILING);
        var atThreeDays = record.runFinished(run(streak.plus(Duration.ofHours(72)), RunOutcome.FAILED,
                FailureCategory.AUTHENTICATION_FAILED, false));
        assertThat(atThreeDays.current()).isEqualTo(DetailedState.CREDENTIALS_INVALID);
        assertThat(atThreeDays.decision()).isEqualTo(Decision.DECLARE_CREDENTIALS_INVALID);
        // another failing run (e.g. already queued) does not declare it again
        var again = record.runFinished(run(start.plus(Duration.ofHours(73)), RunOutcome.FAILED,
                FailureCategory.AUTHENTICATION_FAILED, false));
        assertThat(again.decision()).isEqualTo(Decision.NONE);
        // the hold arrives as a pause with the reason; still credentials invalid (not Inactive)
        assertThat(record.apply(snapshot(Lifecycle.PAUSED, PauseReason.CREDENTIALS_INVALID)).current())
                .isEqualTo(DetailedState.CREDENTIALS_INVALID);
        // reconnect ends it
        var reconnect = record.reconnected(snapshot(Lifecycle.ACTIVE, null));
        assertThat(reconnect.current()).isEqualTo(DetailedState.ACTIVE);
        assertThat(record.authFailingSince()).isNull();
    }

    @Test
    void aRunFailingForAnotherReasonBreaksTheAuthenticationStreak() {
        var record = activeAfterGoodFirstRun();
        record.runFinished(run(T0.plus(Duration.ofHours(1)), RunOutcome.FAILED, FailureCategory.AUTHENTICATION_FAILED, false));
        record.runFinished(run(T0.plus(Duration.ofHours(30)), RunOutcome.FAILED, FailureCategory.SOURCE_UNREACHABLE, false));
        assertThat(record.authFailingSince()).isNull();
        var later = record.runFinished(run(T0.plus(Duration.ofHours(80)), RunOutcome.FAILED,
                FailureCategory.AUTHENTICATION_FAILED, false));
        assertThat(later.current()).isEqualTo(DetailedState.AUTHENTICATION_FAILING);
        assertThat(later.decision()).isEqualTo(Decision.NONE);
        assertThat(record.authFailingSince()).isEqualTo(T0.plus(Duration.ofHours(80)).minusSeconds(60));
    }

    @Test
    void problemsOnTheFirstRunTriggerQualityAssuranceUntilReEnabled() {
        var record = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null));
        var change = record.runFinished(run(T0, RunOutcome.SUCCEEDED_WITH_WARNINGS, null, true));
        assertThat(change.current()).isEqualTo(DetailedState.QUALITY_ASSURANCE);
        assertThat(change.decision()).isEqualTo(Decision.HOLD_FOR_QUALITY_ASSURANCE);
        // spec 000: Error = the last run failed; the integration is stopped
        assertThat(record.state().summary()).isEqualTo(SummaryStatus.ERROR);
        assertThat(record.apply(snapshot(Lifecycle.PAUSED, PauseReason.QUALITY_ASSURANCE)).current())
                .isEqualTo(DetailedState.QUALITY_ASSURANCE);
        // operator re-enables
        assertThat(record.apply(snapshot(Lifecycle.ACTIVE, null)).current()).isEqualTo(DetailedState.ACTIVE);
        // a later run with problems is no first run any more
        var second = record.runFinished(run(T0.plusSeconds(7200), RunOutcome.FAILED, FailureCategory.UNEXPECTED, false));
        assertThat(second.current()).isEqualTo(DetailedState.SYNC_FAILING);
        assertThat(second.decision()).isEqualTo(Decision.NONE);
    }

    @Test
    void aFirstRunThatWasOnlyRateLimitedIsAWarningAndKeepsRunning() {
        var record = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null));
        var change = record.runFinished(run(T0, RunOutcome.RATE_LIMITED, FailureCategory.RATE_LIMITED, true));
        assertThat(change.current()).isEqualTo(DetailedState.SYNC_HAS_WARNINGS);
        assertThat(change.decision()).as("no quality assurance hold").isEqualTo(Decision.NONE);
        assertThat(record.state().summary()).isEqualTo(SummaryStatus.WARNING);
        assertThat(record.recommendedAction()).isEqualTo(RecommendedAction.NO_ACTION_RATE_LIMITED);
        // the same without a category on the event (the outcome alone says rate limited)
        var uncategorised = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null));
        assertThat(uncategorised.runFinished(run(T0, RunOutcome.RATE_LIMITED, null, true)).decision())
                .isEqualTo(Decision.NONE);
        assertThat(uncategorised.failureCategory()).isEqualTo(FailureCategory.RATE_LIMITED);
    }

    @Test
    void aFirstRunStoppedBySyncwatchsOwnDatabaseIsNoQualityAssuranceCaseAndTheNextRunGoesOn() {
        var record = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null));
        var change = record.runFinished(run(T0, RunOutcome.FAILED, FailureCategory.SYNCWATCH_UNAVAILABLE, true));
        assertThat(change.decision()).as("no quality assurance hold for our own outage").isEqualTo(Decision.NONE);
        assertThat(change.current()).isEqualTo(DetailedState.SYNC_FAILING);
        assertThat(record.recommendedAction()).isEqualTo(RecommendedAction.NO_ACTION_RETRIED);
        assertThat(record.firstRunDone()).as("the retry resumes the first sync").isFalse();
        assertThat(record.runFinished(run(T0.plusSeconds(60), RunOutcome.SUCCEEDED, null, false)).current())
                .isEqualTo(DetailedState.ACTIVE);
        assertThat(record.firstRunDone()).isTrue();
    }

    @Test
    void theFirstSyncGoesOnInTheRunAfterARateLimitAndEndsWhenARunGetsThrough() {
        var record = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null));
        record.runFinished(run(T0, RunOutcome.RATE_LIMITED, FailureCategory.RATE_LIMITED, true));
        assertThat(record.firstRunDone()).as("the next run resumes the first sync").isFalse();
        // rate limited again: still only a warning
        assertThat(record.runFinished(run(T0.plusSeconds(900), RunOutcome.RATE_LIMITED, FailureCategory.RATE_LIMITED,
                false)).decision()).isEqualTo(Decision.NONE);
        // the continuation gets through cleanly: the first sync is over
        assertThat(record.runFinished(run(T0.plusSeconds(1800), RunOutcome.SUCCEEDED, null, false)).current())
                .isEqualTo(DetailedState.ACTIVE);
        assertThat(record.firstRunDone()).isTrue();
        var later = record.runFinished(run(T0.plusSeconds(5400), RunOutcome.FAILED, FailureCategory.UNEXPECTED, false));
        assertThat(later.current()).isEqualTo(DetailedState.SYNC_FAILING);
        assertThat(later.decision()).isEqualTo(Decision.NONE);
    }

    @Test
    void problemsInTheRunThatResumesARateLimitedFirstSyncStillTriggerQualityAssurance() {
        var record = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null));
        record.runFinished(run(T0, RunOutcome.RATE_LIMITED, FailureCategory.RATE_LIMITED, true));
        var continuation = record.runFinished(run(T0.plusSeconds(900), RunOutcome.FAILED, FailureCategory.INVALID_DATA,
                false));
        assertThat(continuation.current()).isEqualTo(DetailedState.QUALITY_ASSURANCE);
        assertThat(continuation.decision()).isEqualTo(Decision.HOLD_FOR_QUALITY_ASSURANCE);
    }

    @Test
    void aRateLimitedFirstRunThatAlsoSkippedMalformedRecordsIsStillQualityAssurance() {
        var record = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null));
        var withMalformed = new ImportRunFinished(new ImportRunId(1), IntegrationId.of(1), new AccountId(1),
                RunTrigger.SCHEDULED, RunOutcome.RATE_LIMITED, FailureCategory.RATE_LIMITED, "429 Too Many Requests",
                new ImportCounts(10, 7, 0, 0, 0, 3), T0, true, T0.minusSeconds(60), T0, T0.plusSeconds(900));
        var change = record.runFinished(withMalformed);
        assertThat(change.current()).isEqualTo(DetailedState.QUALITY_ASSURANCE);
        assertThat(change.decision()).isEqualTo(Decision.HOLD_FOR_QUALITY_ASSURANCE);
    }

    @Test
    void theOtherWarningsOnAFirstRunStillTriggerQualityAssurance() {
        // succeeded with warnings covers partial fetches, missing fields and skipped malformed records
        var record = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null));
        var change = record.runFinished(run(T0, RunOutcome.SUCCEEDED_WITH_WARNINGS, null, true));
        assertThat(change.current()).isEqualTo(DetailedState.QUALITY_ASSURANCE);
        assertThat(change.decision()).isEqualTo(Decision.HOLD_FOR_QUALITY_ASSURANCE);
        var failed = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null));
        assertThat(failed.runFinished(run(T0, RunOutcome.FAILED, FailureCategory.SOURCE_UNREACHABLE, true)).decision())
                .isEqualTo(Decision.HOLD_FOR_QUALITY_ASSURANCE);
    }

    @Test
    void aCleanFirstRunIsActive() {
        var record = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null));
        var change = record.runFinished(run(T0, RunOutcome.SUCCEEDED, null, true));
        assertThat(change.current()).isEqualTo(DetailedState.ACTIVE);
        assertThat(change.decision()).isEqualTo(Decision.NONE);
    }

    @Test
    void retryingIsNotAnErrorAndShowsRunning() {
        var record = activeAfterGoodFirstRun();
        record.runStarted(T0.plusSeconds(3600));
        var retry = record.runRetrying(new ImportRunRetrying(new ImportRunId(9), IntegrationId.of(1), new AccountId(1),
                FailureCategory.SOURCE_UNREACHABLE, "timeout", 1, T0.plusSeconds(3700)));
        assertThat(retry.current()).isEqualTo(DetailedState.ACTIVE);
        assertThat(record.running()).isTrue();
        record.runFinished(run(T0.plusSeconds(3800), RunOutcome.FAILED, FailureCategory.SOURCE_UNREACHABLE, false));
        assertThat(record.running()).isFalse();
        assertThat(record.state()).isEqualTo(DetailedState.SYNC_FAILING);
        assertThat(record.recommendedAction()).isEqualTo(RecommendedAction.WAIT_OR_SUPPORT);
    }

    @Test
    void pausedInactiveAndDeleted() {
        var record = activeAfterGoodFirstRun();
        assertThat(record.apply(snapshot(Lifecycle.PAUSED, PauseReason.MANUAL)).current()).isEqualTo(DetailedState.INACTIVE);
        assertThat(record.state().summary()).isEqualTo(SummaryStatus.PAUSED);
        assertThat(record.apply(snapshot(Lifecycle.PAUSED, PauseReason.DEVELOPMENT_INACTIVITY)).current())
                .isEqualTo(DetailedState.INACTIVE);
        assertThat(record.apply(snapshot(Lifecycle.ACTIVE, null)).current()).isEqualTo(DetailedState.ACTIVE);
        assertThat(record.apply(snapshot(Lifecycle.DELETED, null)).current()).isEqualTo(DetailedState.DELETED);
    }

    @Test
    void lastDataImportedAndNoData() {
        var record = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null));
        assertThat(record.noData()).isFalse();
        record.runFinished(HealthFixtures.finished(1, 1, T0, RunOutcome.SUCCEEDED, null, null, true, null));
        assertThat(record.noData()).isTrue();
        assertThat(record.lastRanAt()).isEqualTo(T0);
        record.runFinished(HealthFixtures.finished(1, 1, T0.plusSeconds(60), RunOutcome.SUCCEEDED, null, null, false,
                T0.plusSeconds(30)));
        assertThat(record.noData()).isFalse();
        assertThat(record.lastDataImportedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(record.nextRunAt()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofHours(1)));
    }

    @Test
    void gapAndOverdueFlags() {
        var record = HealthRecord.of(snapshot(Lifecycle.ACTIVE, null)); // hourly
        record.runFinished(HealthFixtures.finished(1, 1, T0, RunOutcome.SUCCEEDED, null, null, true, T0));
        assertThat(record.overdue(T0.plus(Duration.ofHours(2)))).isFalse();
        assertThat(record.overdue(T0.plus(Duration.ofHours(2)).plusSeconds(1))).isTrue();
        record.runFinished(HealthFixtures.finished(1, 1, T0.plus(Duration.ofHours(24)), RunOutcome.SUCCEEDED, null, null, false, null));
        assertThat(record.gap(T0.plus(Duration.ofHours(24)))).isFalse();
        record.runFinished(HealthFixtures.finished(1, 1, T0.plus(Duration.ofHours(25)), RunOutcome.SUCCEEDED, null, null, false, null));
        assertThat(record.gap(T0.plus(Duration.ofHours(25)))).isTrue();
        record.apply(snapshot(Lifecycle.PAUSED, PauseReason.MANUAL));
        assertThat(record.overdue(T0.plus(Duration.ofDays(30)))).isFalse();
    }
}
