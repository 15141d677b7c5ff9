package io.syncwatch.health.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.syncwatch.health.DetailedState;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunRetrying;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.platform.AccountId;

/**
 * The health of one integration, kept up to date from events alone (never from the run
 * history): a projection of the integration's snapshot, what its last run said, and the
 * detailed state derived from both (spec 002). It holds the version of the snapshot it projects and
 * applies only a newer one: one integration's events can arrive in any order (decision 0022).
 */
public final class HealthRecord {

    /** Every run for this long failed on authentication → credentials invalid. */
    public static final Duration CREDENTIALS_INVALID_AFTER = Duration.ofHours(72);
    /** Nothing saved for longer than this (or 24 scheduled intervals, whichever is shorter) → gap. */
    public static final Duration GAP_AFTER = Duration.ofDays(7);
    public static final int GAP_INTERVALS = 24;
    /** No run for more than this many scheduled intervals while active → overdue. */
    public static final int OVERDUE_INTERVALS = 2;

    private final IntegrationId integrationId;
    private final AccountId accountId;
    /** The version of the integration snapshot projected here. */
    private long integrationVersion;
    private String name;
    private String platform;
    private Schedule schedule;
    private Lifecycle lifecycle;
    private @Nullable PauseReason pauseReason;
    private @Nullable String pauseDetail;
    private Instant connectedAt;
    /** The state the runs alone give (ACTIVE before any run). */
    private DetailedState runState;
    private DetailedState state;
    private @Nullable Instant lastRanAt;
    private @Nullable Instant lastDataImportedAt;
    private @Nullable String message;
    private @Nullable FailureCategory failureCategory;
    private @Nullable String recommendedAction;
    private boolean running;
    private @Nullable Instant authFailingSince;
    private boolean firstRunDone;
    private @Nullable Instant nextRunAt;

    private HealthRecord(IntegrationSnapshot snapshot) {
        this.integrationId = snapshot.id();
        this.accountId = snapshot.accountId();
        this.name = snapshot.name();
        this.platform = snapshot.platform();
        this.schedule = snapshot.schedule();
        this.lifecycle = snapshot.lifecycle();
        this.connectedAt = snapshot.connectedAt();
        this.runState = DetailedState.ACTIVE;
        this.state = DetailedState.SETUP;
        project(snapshot);
        recompute();
    }

    /** A new record for an integration first seen in this snapshot. */
    public static HealthRecord of(IntegrationSnapshot snapshot) {
        return new HealthRecord(snapshot);
    }

    /** Rebuilds a stored record. */
    public static HealthRecord restore(IntegrationId integrationId, AccountId accountId, String name, String platform,
            Schedule schedule, Lifecycle lifecycle, @Nullable PauseReason pauseReason, @Nullable String pauseDetail,
            Instant connectedAt, DetailedState runState, DetailedState state, @Nullable Instant lastRanAt,
            @Nullable Instant lastDataImportedAt, @Nullable String message, @Nullable FailureCategory failureCategory,
            @Nullable String recommendedAction, boolean running, @Nullable Instant authFailingSince,
            boolean firstRunDone, @Nullable Instant nextRunAt, long integrationVersion) {
        var snapshotless = new HealthRecord(integrationId, accountId, name, platform, schedule, lifecycle, connectedAt);
        snapshotless.pauseReason = pauseReason;
        snapshotless.pauseDetail = pauseDetail;
        snapshotless.runState = runState;
        snapshotless.state = state;
        snapshotless.lastRanAt = lastRanAt;
        snapshotless.lastDataImportedAt = lastDataImportedAt;
        snapshotless.message = message;
        snapshotless.failureCategory = failureCategory;
        snapshotless.recommendedAction = recommendedAction;
        snapshotless.running = running;
        snapshotless.authFailingSince = authFailingSince;
        snapshotless.firstRunDone = firstRunDone;
        snapshotless.nextRunAt = nextRunAt;
        snapshotless.integrationVersion = integrationVersion;
        return snapshotless;
    }

    private HealthRecord(IntegrationId integrationId, AccountId accountId, String name, String platform,
            Schedule schedule, Lifecycle lifecycle, Instant connectedAt) {
        this.integrationId = integrationId;
        this.accountId = accountId;
        this.name = name;
        this.platform = platform;
        this.schedule = schedule;
        this.lifecycle = lifecycle;
        this.connectedAt = connectedAt;
        this.runState = DetailedState.ACTIVE;
        this.state = DetailedState.ACTIVE;
    }

    // ---- events ---------------------------------------------------------------------------

    /**
     * The integration changed (configured, paused, resumed, inactive, deleted). A snapshot no newer
     * than the one projected (a late or resubmitted event) changes nothing.
     */
    public Change apply(IntegrationSnapshot snapshot) {
        DetailedState before = state;
        if (!snapshot.newerThan(integrationVersion)) {
            return new Change(before, before, Decision.NONE);
        }
        boolean wasHeld = lifecycle == Lifecycle.PAUSED
                && (pauseReason == PauseReason.QUALITY_ASSURANCE || pauseReason == PauseReason.CREDENTIALS_INVALID);
        project(snapshot);
        if (wasHeld && snapshot.lifecycle() == Lifecycle.ACTIVE) {
            // an operator re-enabled it (quality assurance) or new credentials resumed it
            clearHold();
        }
        return new Change(before, recompute(), Decision.NONE);
    }

    /**
     * New credentials were entered: an authentication streak and credentials invalid end, even when
     * a later change of the integration has been projected already (then only that one is kept).
     */
    public Change reconnected(IntegrationSnapshot snapshot) {
        DetailedState before = state;
        if (snapshot.newerThan(integrationVersion)) {
            project(snapshot);
        }
        authFailingSince = null;
        if (runState == DetailedState.AUTHENTICATION_FAILING || runState == DetailedState.CREDENTIALS_INVALID) {
            runState = DetailedState.ACTIVE;
            message = null;
            failureCategory = null;
            recommendedAction = null;
        }
        return new Change(before, recompute(), Decision.NONE);
    }

    public Change runStarted(Instant startedAt) {
        running = true;
        return new Change(state, state, Decision.NONE);
    }

    /**
     * A transient failure is being retried within the run: the row stays running and keeps its
     * state (it is not an error until the run really failed); the message is kept for the tooltip.
     */
    public Change runRetrying(ImportRunRetrying retrying) {
        running = true;
        return new Change(state, state, Decision.NONE);
    }

    /** A run ended: the only place a run changes the state. */
    public Change runFinished(ImportRunFinished run) {
        DetailedState before = state;
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
        boolean wholeRun = run.trigger() != io.syncwatch.imports.RunTrigger.SINGLE_CONVERSATION;
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
            boolean threeDays = !run.finishedAt().isBefore(authFailingSince.plus(CREDENTIALS_INVALID_AFTER));
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
        return new Change(before, recompute(), decision);
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

    // ---- derived --------------------------------------------------------------------------

    private void project(IntegrationSnapshot snapshot) {
        integrationVersion = snapshot.version();
        name = snapshot.name();
        platform = snapshot.platform();
        schedule = snapshot.schedule();
        lifecycle = snapshot.lifecycle();
        pauseReason = snapshot.pauseReason();
        pauseDetail = snapshot.pauseDetail();
        connectedAt = snapshot.connectedAt();
        if (lifecycle != Lifecycle.ACTIVE) {
            running = false;
        }
    }

    private void clearHold() {
        if (runState == DetailedState.QUALITY_ASSURANCE || runState == DetailedState.CREDENTIALS_INVALID) {
            runState = DetailedState.ACTIVE;
            authFailingSince = null;
            message = null;
            failureCategory = null;
            recommendedAction = null;
        }
    }

    private DetailedState recompute() {
        state = switch (lifecycle) {
            case DELETED -> DetailedState.DELETED;
            case SETUP -> DetailedState.SETUP;
            case PAUSED -> pauseReason == PauseReason.CREDENTIALS_INVALID ? DetailedState.CREDENTIALS_INVALID
                    : pauseReason == PauseReason.QUALITY_ASSURANCE ? DetailedState.QUALITY_ASSURANCE
                    : DetailedState.INACTIVE;
            // no run has finished yet: "Active" (the last run completed) would not be true
            case ACTIVE -> runState == DetailedState.ACTIVE && lastRanAt == null ? DetailedState.WAITING_FOR_FIRST_RUN
                    : runState;
        };
        return state;
    }

    /** Runs happen but nothing has been saved for much longer than the schedule suggests. */
    public boolean gap(Instant now) {
        if (lastRanAt == null || lifecycle != Lifecycle.ACTIVE) {
            return false;
        }
        Duration threshold = min(GAP_AFTER, schedule.interval().multipliedBy(GAP_INTERVALS));
        Instant since = lastDataImportedAt != null ? lastDataImportedAt : connectedAt;
        return Duration.between(since, lastRanAt).compareTo(threshold) > 0;
    }

    /** No run for more than two scheduled intervals while active. */
    public boolean overdue(Instant now) {
        if (lifecycle != Lifecycle.ACTIVE || running) {
            return false;
        }
        Instant since = lastRanAt != null ? lastRanAt : connectedAt;
        return Duration.between(since, now).compareTo(schedule.interval().multipliedBy(OVERDUE_INTERVALS)) > 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Whether the integration has run but nothing has been saved yet ("No data"). */
    public boolean noData() {
        return lastRanAt != null && lastDataImportedAt == null;
    }

    public IntegrationId integrationId() { return integrationId; }
    public AccountId accountId() { return accountId; }
    public long integrationVersion() { return integrationVersion; }
    public String name() { return name; }
    public String platform() { return platform; }
    public Schedule schedule() { return schedule; }
    public Lifecycle lifecycle() { return lifecycle; }
    public @Nullable PauseReason pauseReason() { return pauseReason; }
    public @Nullable String pauseDetail() { return pauseDetail; }
    public Instant connectedAt() { return connectedAt; }
    public DetailedState runState() { return runState; }
    public DetailedState state() { return state; }
    public @Nullable Instant lastRanAt() { return lastRanAt; }
    public @Nullable Instant lastDataImportedAt() { return lastDataImportedAt; }
    public @Nullable String message() { return message; }
    public @Nullable FailureCategory failureCategory() { return failureCategory; }
    /**
     * What to do, and who acts next: for a state that holds or stops the integration (quality
     * assurance, credentials invalid, setup, paused) the state decides, not the last run's
     * failure category (a QA hold has no next scheduled run to wait for); otherwise the action
     * spec 000 recommends for the last run's failure category.
     */
    public @Nullable String recommendedAction() {
        return switch (state) {
            case QUALITY_ASSURANCE -> RecommendedAction.QUALITY_ASSURANCE;
            case CREDENTIALS_INVALID -> RecommendedAction.RECONNECT_TO_RESUME;
            case SETUP -> RecommendedAction.FINISH_SETUP;
            case INACTIVE -> pauseReason == PauseReason.DEVELOPMENT_INACTIVITY ? RecommendedAction.REACTIVATE
                    : RecommendedAction.RESUME;
            case WAITING_FOR_FIRST_RUN -> RecommendedAction.WAITING;
            case DELETED -> null;
            default -> recommendedAction;
        };
    }

    /** The "what to check" list (spec 001) for the state and the last run's failure category. */
    public java.util.List<String> whatToCheck() {
        if (state.summary() == io.syncwatch.health.SummaryStatus.ACTIVE || !state.unhealthy()
                || state == DetailedState.QUALITY_ASSURANCE) {
            // a QA hold: nothing for the customer to check, our engineering team acts next
            return java.util.List.of();
        }
        return RecommendedAction.whatToCheck(failureCategory);
    }
    public boolean running() { return running; }
    public @Nullable Instant authFailingSince() { return authFailingSince; }
    public boolean firstRunDone() { return firstRunDone; }
    public @Nullable Instant nextRunAt() { return nextRunAt; }

    /** What an event did to the record, and what health must do about it. */
    public record Change(@Nullable DetailedState previous, DetailedState current, Decision decision) {
        /** The same change for a record that did not exist before. */
        public Change withPrevious(@Nullable DetailedState previous) {
            return new Change(previous, current, decision);
        }

        public boolean stateChanged() {
            return !Objects.equals(previous, current);
        }
    }

    /** A consequence beyond the record itself. */
    public enum Decision {
        NONE,
        /** Every run for three days failed on authentication: pause until reconnect. */
        DECLARE_CREDENTIALS_INVALID,
        /** The first run had problems: stop until an operator re-enables it. */
        HOLD_FOR_QUALITY_ASSURANCE
    }
}
