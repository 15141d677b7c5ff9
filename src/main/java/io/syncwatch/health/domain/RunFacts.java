package io.syncwatch.health.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.health.DetailedState;
import io.syncwatch.health.domain.HealthRecord.Decision;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.RunTrigger;

/**
 * What an integration's runs have told health (spec 002), and how a finished run changes it: when
 * it last ran and last saved data, the last run's message and failure category, the streak of
 * authentication failures, whether the first sync is done, and the state the runs alone give. A
 * first sync with problems holds the integration for quality assurance; every run failing on
 * authentication for {@link HealthRecord#CREDENTIALS_INVALID_AFTER} declares its credentials
 * invalid. The {@link HealthRecord} it belongs to combines this with the integration's lifecycle.
 */
final class RunFacts {

    /** The state the runs alone give (ACTIVE before any run). */
    private DetailedState runState;
    private @Nullable Instant lastRanAt;
    private @Nullable Instant lastDataImportedAt;
    private @Nullable String message;
    private @Nullable FailureCategory failureCategory;
    private @Nullable String recommendedAction;
    private boolean running;
    private @Nullable Instant authFailingSince;
    private boolean firstRunDone;
    private @Nullable Instant nextRunAt;

    /** No run yet. */
    RunFacts() {
        this.runState = DetailedState.ACTIVE;
    }

    /** What a stored record says. */
    RunFacts(DetailedState runState, @Nullable Instant lastRanAt, @Nullable Instant lastDataImportedAt,
            @Nullable String message, @Nullable FailureCategory failureCategory, @Nullable String recommendedAction,
            boolean running, @Nullable Instant authFailingSince, boolean firstRunDone, @Nullable Instant nextRunAt) {
        this.runState = runState;
        this.lastRanAt = lastRanAt;
        this.lastDataImportedAt = lastDataImportedAt;
        this.message = message;
        this.failureCategory = failureCategory;
        this.recommendedAction = recommendedAction;
        this.running = running;
        this.authFailingSince = authFailingSince;
        this.firstRunDone = firstRunDone;
        this.nextRunAt = nextRunAt;
    }

    /** A run started, or retries a transient failure within the run. */
    void started() {
        running = true;
    }

    /** The integration stopped being active: no run of it is going on any more. */
    void stopped() {
        running = false;
    }

    /** New credentials were entered: an authentication streak and credentials invalid end. */
    void reconnected() {
        authFailingSince = null;
        if (runState == DetailedState.AUTHENTICATION_FAILING || runState == DetailedState.CREDENTIALS_INVALID) {
            runState = DetailedState.ACTIVE;
            forgetLastProblem();
        }
    }

    /** A hold ended: an operator re-enabled it (quality assurance) or new credentials resumed it. */
    void holdEnded() {
        if (runState == DetailedState.QUALITY_ASSURANCE || runState == DetailedState.CREDENTIALS_INVALID) {
            runState = DetailedState.ACTIVE;
            authFailingSince = null;
            forgetLastProblem();
        }
    }

    private void forgetLastProblem() {
        message = null;
        failureCategory = null;
        recommendedAction = null;
    }

    /** A run ended: the only place a run changes the state; returns what health must do beyond the record. */
    Decision finished(ImportRunFinished run) {
        running = false;
        lastRanAt = run.finishedAt();
        if (run.lastRecordSavedAt() != null
                && (lastDataImportedAt == null || run.lastRecordSavedAt().isAfter(lastDataImportedAt))) {
            lastDataImportedAt = run.lastRecordSavedAt();
        }
        if (run.nextRunAt() != null) {
            nextRunAt = run.nextRunAt();
        }
        message = run.message();
        failureCategory = run.outcome() == RunOutcome.RATE_LIMITED && run.failureCategory() == null
                ? FailureCategory.RATE_LIMITED
                : run.failureCategory();
        recommendedAction = RecommendedAction.forCategory(failureCategory, run.outcome());
        // A single-conversation import is a troubleshooting action, not the integration's first sync.
        boolean wholeRun = run.trigger() != RunTrigger.SINGLE_CONVERSATION;
        boolean firstRun = wholeRun && (run.firstRun() || !firstRunDone);
        // stopped by a rate limit or by Syncwatch's own database: the run is resumed, not judged (decision 0013)
        boolean onlyRateLimited = onlyRateLimited(run) || run.failureCategory() == FailureCategory.SYNCWATCH_UNAVAILABLE;
        if (wholeRun && !(firstRun && onlyRateLimited)) {
            // a first sync stopped by a rate limit is not over: the next run resumes it at the checkpoint
            firstRunDone = true;
        }

        boolean authFailure = run.outcome() == RunOutcome.FAILED
                && run.failureCategory() == FailureCategory.AUTHENTICATION_FAILED;
        if (authFailure) {
            if (authFailingSince == null) {
                authFailingSince = run.startedAt();
            }
        } else {
            authFailingSince = null;
        }

        Decision decision = Decision.NONE;
        if (firstRun && run.outcome() != RunOutcome.SUCCEEDED && !onlyRateLimited) {
            runState = DetailedState.QUALITY_ASSURANCE;
            decision = Decision.HOLD_FOR_QUALITY_ASSURANCE;
        } else if (authFailure) {
            boolean threeDays = !run.finishedAt().isBefore(authFailingSince.plus(HealthRecord.CREDENTIALS_INVALID_AFTER));
            if (threeDays) {
                if (runState != DetailedState.CREDENTIALS_INVALID) {
                    decision = Decision.DECLARE_CREDENTIALS_INVALID;
                }
                runState = DetailedState.CREDENTIALS_INVALID;
            } else {
                runState = DetailedState.AUTHENTICATION_FAILING;
            }
        } else {
            runState = switch (run.outcome()) {
                case SUCCEEDED -> DetailedState.ACTIVE;
                case SUCCEEDED_WITH_WARNINGS, RATE_LIMITED -> DetailedState.SYNC_HAS_WARNINGS;
                case FAILED -> DetailedState.SYNC_FAILING;
            };
        }
        return decision;
    }

    /**
     * The run was stopped by the source's rate limit and had no other problem: a warning whose
     * recommended action is "no action, the next run resumes" (spec 000), so not a problem of a
     * first sync either. Skipped malformed records (the one warning the event can show besides
     * the rate limit) would have made the run "succeeded with warnings" without the limit.
     */
    private static boolean onlyRateLimited(ImportRunFinished run) {
        return run.outcome() == RunOutcome.RATE_LIMITED
                && (run.failureCategory() == null || run.failureCategory() == FailureCategory.RATE_LIMITED)
                && run.counts().skippedMalformed() == 0;
    }

    DetailedState runState() { return runState; }
    @Nullable Instant lastRanAt() { return lastRanAt; }
    @Nullable Instant lastDataImportedAt() { return lastDataImportedAt; }
    @Nullable String message() { return message; }
    @Nullable FailureCategory failureCategory() { return failureCategory; }
    @Nullable String recommendedAction() { return recommendedAction; }
    boolean running() { return running; }
    @Nullable Instant authFailingSince() { return authFailingSince; }
    boolean firstRunDone() { return firstRunDone; }
    @Nullable Instant nextRunAt() { return nextRunAt; }
}
