package io.syncwatch.health.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.syncwatch.health.DetailedState;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunRetrying;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.platform.AccountId;

/**
 * The health of one integration, kept up to date from events alone (never from the run
 * history): a projection of the integration's snapshot, what its runs said ({@link RunFacts},
 * which judges each finished run), and the detailed state derived from both (spec 002), with
 * the gap and overdue checks of the Platforms tab. It holds the version of the snapshot it
 * projects and applies only a newer one: one integration's events can arrive in any order
 * (decision 0022).
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
    private final RunFacts runs;
    private DetailedState state;

    private HealthRecord(IntegrationId integrationId, AccountId accountId, RunFacts runs, DetailedState state) {
        this.integrationId = integrationId;
        this.accountId = accountId;
        this.runs = runs;
        this.state = state;
    }

    /** A new record for an integration first seen in this snapshot. */
    public static HealthRecord of(IntegrationSnapshot snapshot) {
        var record = new HealthRecord(snapshot.id(), snapshot.accountId(), new RunFacts(), DetailedState.SETUP);
        record.project(snapshot);
        record.recompute();
        return record;
    }

    /** Rebuilds a stored record. */
    public static HealthRecord restore(IntegrationId integrationId, AccountId accountId, String name, String platform,
            Schedule schedule, Lifecycle lifecycle, @Nullable PauseReason pauseReason, @Nullable String pauseDetail,
            Instant connectedAt, DetailedState runState, DetailedState state, @Nullable Instant lastRanAt,
            @Nullable Instant lastDataImportedAt, @Nullable String message, @Nullable FailureCategory failureCategory,
            @Nullable String recommendedAction, boolean running, @Nullable Instant authFailingSince,
            boolean firstRunDone, @Nullable Instant nextRunAt, long integrationVersion) {
        var record = new HealthRecord(integrationId, accountId, new RunFacts(runState, lastRanAt, lastDataImportedAt,
                message, failureCategory, recommendedAction, running, authFailingSince, firstRunDone, nextRunAt), state);
        record.name = name;
        record.platform = platform;
        record.schedule = schedule;
        record.lifecycle = lifecycle;
        record.pauseReason = pauseReason;
        record.pauseDetail = pauseDetail;
        record.connectedAt = connectedAt;
        record.integrationVersion = integrationVersion;
        return record;
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
            runs.holdEnded();
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
        runs.reconnected();
        return new Change(before, recompute(), Decision.NONE);
    }

    public Change runStarted(Instant startedAt) {
        runs.started();
        return new Change(state, state, Decision.NONE);
    }

    /**
     * A transient failure is being retried within the run: the row stays running and keeps its
     * state (it is not an error until the run really failed); the message is kept for the tooltip.
     */
    public Change runRetrying(ImportRunRetrying retrying) {
        runs.started();
        return new Change(state, state, Decision.NONE);
    }

    /** A run ended: the only place a run changes the state (see {@link RunFacts}). */
    public Change runFinished(ImportRunFinished run) {
        DetailedState before = state;
        Decision decision = runs.finished(run);
        return new Change(before, recompute(), decision);
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
            runs.stopped();
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
            case ACTIVE -> runs.runState() == DetailedState.ACTIVE && runs.lastRanAt() == null
                    ? DetailedState.WAITING_FOR_FIRST_RUN : runs.runState();
        };
        return state;
    }

    /** Runs happen but nothing has been saved for much longer than the schedule suggests. */
    public boolean gap(Instant now) {
        Instant lastRanAt = runs.lastRanAt();
        if (lastRanAt == null || lifecycle != Lifecycle.ACTIVE) {
            return false;
        }
        Duration threshold = min(GAP_AFTER, schedule.interval().multipliedBy(GAP_INTERVALS));
        Instant since = runs.lastDataImportedAt() != null ? runs.lastDataImportedAt() : connectedAt;
        return Duration.between(since, lastRanAt).compareTo(threshold) > 0;
    }

    /** No run for more than two scheduled intervals while active. */
    public boolean overdue(Instant now) {
        if (lifecycle != Lifecycle.ACTIVE || runs.running()) {
            return false;
        }
        Instant since = runs.lastRanAt() != null ? runs.lastRanAt() : connectedAt;
        return Duration.between(since, now).compareTo(schedule.interval().multipliedBy(OVERDUE_INTERVALS)) > 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Whether the integration has run but nothing has been saved yet ("No data"). */
    public boolean noData() {
        return runs.lastRanAt() != null && runs.lastDataImportedAt() == null;
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
    public DetailedState runState() { return runs.runState(); }
    public DetailedState state() { return state; }
    public @Nullable Instant lastRanAt() { return runs.lastRanAt(); }
    public @Nullable Instant lastDataImportedAt() { return runs.lastDataImportedAt(); }
    public @Nullable String message() { return runs.message(); }
    public @Nullable FailureCategory failureCategory() { return runs.failureCategory(); }
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
            default -> runs.recommendedAction();
        };
    }

    /** The "what to check" list (spec 001) for the state and the last run's failure category. */
    public java.util.List<String> whatToCheck() {
        if (state.summary() == io.syncwatch.health.SummaryStatus.ACTIVE || !state.unhealthy()
                || state == DetailedState.QUALITY_ASSURANCE) {
            // a QA hold: nothing for the customer to check, our engineering team acts next
            return java.util.List.of();
        }
        return RecommendedAction.whatToCheck(runs.failureCategory());
    }
    public boolean running() { return runs.running(); }
    public @Nullable Instant authFailingSince() { return runs.authFailingSince(); }
    public boolean firstRunDone() { return runs.firstRunDone(); }
    public @Nullable Instant nextRunAt() { return runs.nextRunAt(); }

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
