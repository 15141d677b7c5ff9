package io.syncwatch.integrations.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationIsDeleted;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.ReconnectRequired;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.SupportReEnableRequired;
import io.syncwatch.platform.AccountId;

/**
 * A connected source platform and its lifecycle (spec 002): connected without filters it is in
 * <em>Setup</em> and does not run; configuring filters activates it; it can be paused (manually,
 * for invalid credentials, for quality assurance, or automatically when a development
 * integration sees no API request for 14 days) and resumed — except a hold for invalid
 * credentials, which only a Reconnect ends; deleted, it is kept for audit and never runs again.
 * Every change leaves an audit entry ({@link AuditTrail}); which pause and resume apply is
 * {@link LifecycleStatus}'s rule. Every save increases its {@link #version() version}.
 */
public final class Integration {

    /** A development integration with no API request for this long goes inactive. */
    public static final Duration DEVELOPMENT_IDLE_LIMIT = Duration.ofDays(14);

    private @Nullable IntegrationId id;
    private long version;
    private final AccountId accountId;
    private String name;
    private final String platform;
    private Environment environment;
    private Schedule schedule;
    private ImportFilters filters;
    private boolean filtersConfigured;
    private LifecycleStatus status;
    private String encryptedCredentials;
    private final Instant connectedAt;
    private Instant lastApiRequestAt;
    private final AuditTrail audit = new AuditTrail();

    private Integration(@Nullable IntegrationId id, long version, AccountId accountId, String name, String platform,
            Environment environment, Schedule schedule, ImportFilters filters, boolean filtersConfigured,
            LifecycleStatus status, String encryptedCredentials, Instant connectedAt, Instant lastApiRequestAt) {
        this.id = id;
        this.version = version;
        this.accountId = accountId;
        this.name = name;
        this.platform = platform;
        this.environment = environment;
        this.schedule = schedule;
        this.filters = filters;
        this.filtersConfigured = filtersConfigured;
        this.status = status;
        this.encryptedCredentials = encryptedCredentials;
        this.connectedAt = connectedAt;
        this.lastApiRequestAt = lastApiRequestAt;
    }

    /** A newly connected integration (credentials already tested): in Setup until filters are configured. */
    public static Integration connect(AccountId account, String name, String platform, Environment environment,
            Schedule schedule, ImportFilters defaults, String encryptedCredentials, String actor, Instant now) {
        var integration = new Integration(null, 0, account, name, platform, environment, schedule, defaults, false,
                LifecycleStatus.SETUP, encryptedCredentials, now, now);
        integration.audit.record(actor, now, "Connected", "Platform " + platform + ", " + environment.label() + ", "
                + schedule.label().toLowerCase());
        return integration;
    }

    /** Restores a stored integration (persistence only), at the version it was stored with. */
    public static Integration restore(IntegrationId id, long version, AccountId account, String name, String platform,
            Environment environment, Schedule schedule, ImportFilters filters, boolean filtersConfigured,
            Lifecycle lifecycle, @Nullable PauseReason pauseReason, @Nullable String pauseDetail,
            String encryptedCredentials, Instant connectedAt, Instant lastApiRequestAt) {
        return new Integration(id, version, account, name, platform, environment, schedule, filters, filtersConfigured,
                new LifecycleStatus(lifecycle, pauseReason, pauseDetail), encryptedCredentials, connectedAt,
                lastApiRequestAt);
    }

    /** Stored (persistence only): its id, given on the first save, and the version the store gave this save. */
    public void stored(IntegrationId storedId, long storedVersion) {
        if (this.id != null && !this.id.equals(storedId)) {
            throw new IllegalStateException("Integration " + this.id + " cannot be stored as " + storedId);
        }
        this.id = storedId;
        this.version = storedVersion;
    }

    /** Filters, start date and status criteria; a Setup integration becomes Active. */
    public void configureFilters(ImportFilters newFilters, String actor, Instant now) {
        requireNotDeleted();
        String before = FilterDescriptions.describe(filters);
        this.filters = newFilters;
        this.filtersConfigured = true;
        audit.record(actor, now, "Filters changed", before + " → " + FilterDescriptions.describe(newFilters));
        if (status.lifecycle() == Lifecycle.SETUP) {
            status = status.configured();
            audit.record(actor, now, "Activated", "Setup finished: filters configured");
        }
    }

    /** Name, schedule and environment. Returns whether anything changed. */
    public boolean edit(String newName, Schedule newSchedule, Environment newEnvironment, String actor, Instant now) {
        requireNotDeleted();
        List<String> changes = AuditTrail.settingsChanges(name, schedule, environment, newName, newSchedule, newEnvironment);
        if (changes.isEmpty()) {
            return false;
        }
        if (newEnvironment == Environment.DEVELOPMENT && environment != Environment.DEVELOPMENT) {
            lastApiRequestAt = now;
        }
        this.name = newName;
        this.schedule = newSchedule;
        this.environment = newEnvironment;
        audit.record(actor, now, "Settings changed", String.join("; ", changes));
        return true;
    }

    /**
     * Stops the integration; it never runs until resumed (or reconnected, for invalid
     * credentials; or re-enabled by Syncwatch support, for quality assurance). Returns whether
     * anything changed: pausing again for the same reason does not, and neither does any other
     * pause of an integration held for invalid credentials or for quality assurance — a hold
     * keeps its reason, so that only its own way out ends it (a manual pause must not turn a
     * quality-assurance hold into something the customer can resume).
     */
    public boolean pause(PauseReason reason, @Nullable String detail, String actor, Instant now) {
        requireNotDeleted();
        LifecycleStatus paused = status.pausedFor(reason, detail);
        if (paused == null) {
            return false;
        }
        status = paused;
        audit.record(actor, now, AuditTrail.paused(reason), detail == null ? "" : detail);
        return true;
    }

    /**
     * Resumes / reactivates / re-enables: Active again, or Setup if filters were never
     * configured. Returns whether anything changed.
     *
     * @throws ReconnectRequired when the integration is held for invalid credentials: only a
     *         {@link #reconnect Reconnect} with new, tested credentials ends that hold (spec 002)
     * @throws SupportReEnableRequired when it is stopped for quality assurance: only Syncwatch's
     *         support staff end that hold ({@link #reEnableAfterQualityAssurance}, spec 002)
     */
    public boolean resume(String actor, Instant now) {
        requireNotDeleted();
        if (heldForInvalidCredentials()) {
            throw new ReconnectRequired(Objects.requireNonNull(id, "not saved yet"));
        }
        if (heldForQualityAssurance()) {
            throw new SupportReEnableRequired(Objects.requireNonNull(id, "not saved yet"));
        }
        return endPause(actor, now, "");
    }

    /**
     * Syncwatch's support staff re-enable an integration stopped for quality assurance once the
     * issue is resolved; the audit trail names them. The caller (the application service) has
     * checked that the actor is support staff. Returns whether anything changed (false when the
     * integration is not held for quality assurance).
     */
    public boolean reEnableAfterQualityAssurance(String supportActor, Instant now) {
        requireNotDeleted();
        if (!heldForQualityAssurance()) {
            return false;
        }
        return endPause(supportActor, now, "By Syncwatch support");
    }

    private boolean endPause(String actor, Instant now, String detail) {
        if (!status.paused()) {
            return false;
        }
        PauseReason was = Objects.requireNonNull(status.pauseReason());
        status = status.resumed(filtersConfigured);
        lastApiRequestAt = now;
        audit.record(actor, now, AuditTrail.resumed(was), detail);
        return true;
    }

    /** New, tested credentials; ends a credentials-invalid pause. Returns whether it resumed. */
    public boolean reconnect(String newEncryptedCredentials, String actor, Instant now) {
        requireNotDeleted();
        this.encryptedCredentials = newEncryptedCredentials;
        audit.record(actor, now, "Reconnected", "New credentials tested and saved");
        if (heldForInvalidCredentials()) {
            return endPause(actor, now, "");
        }
        return false;
    }

    /** Paused until new credentials are provided (spec 002): only a Reconnect ends it. */
    public boolean heldForInvalidCredentials() {
        return status.heldForInvalidCredentials();
    }

    /** Stopped for quality assurance (spec 002): only Syncwatch's support staff re-enable it. */
    public boolean heldForQualityAssurance() {
        return status.heldForQualityAssurance();
    }

    /** Deleted for good: hidden from lists, never runs again, kept for audit. */
    public void delete(String actor, Instant now) {
        requireNotDeleted();
        status = LifecycleStatus.deletedForGood();
        audit.record(actor, now, "Deleted", "Imported contacts are kept");
    }

    /** An API request for this integration (keeps a development integration alive). */
    public void recordApiRequest(Instant now) {
        if (now.isAfter(lastApiRequestAt)) {
            lastApiRequestAt = now;
        }
    }

    /** Whether a development integration has been idle for 14 days and must go inactive now. */
    public boolean idleTooLong(Instant now) {
        Lifecycle lifecycle = status.lifecycle();
        return environment == Environment.DEVELOPMENT
                && (lifecycle == Lifecycle.ACTIVE || lifecycle == Lifecycle.SETUP)
                && !lastApiRequestAt.plus(DEVELOPMENT_IDLE_LIMIT).isAfter(now);
    }

    /** Applies the 14-day rule; returns whether the integration went inactive. */
    public boolean markInactiveIfIdle(Instant now) {
        if (!idleTooLong(now)) {
            return false;
        }
        return pause(PauseReason.DEVELOPMENT_INACTIVITY, "No API request since " + lastApiRequestAt
                + " (development integrations go inactive after 14 days without one)", "system", now);
    }

    /** What other modules see of it, at its stored version (call after saving a change). */
    public IntegrationSnapshot snapshot() {
        return new IntegrationSnapshot(Objects.requireNonNull(id, "not saved yet"), accountId, name, platform,
                environment, schedule, filters, status.lifecycle(), status.pauseReason(), status.pauseDetail(), connectedAt,
                version);
    }

    /** Audit entries recorded since the last call (the store appends them). */
    public List<AuditEntry> drainAudit() {
        return audit.drain();
    }

    private void requireNotDeleted() {
        if (status.deleted()) {
            throw new IntegrationIsDeleted(name);
        }
    }

    public @Nullable IntegrationId id() { return id; }
    /** Its version: 0 before the first save, increased by every save (the store's optimistic lock). */
    public long version() { return version; }
    public AccountId accountId() { return accountId; }
    public String name() { return name; }
    public String platform() { return platform; }
    public Environment environment() { return environment; }
    public Schedule schedule() { return schedule; }
    public ImportFilters filters() { return filters; }
    public boolean filtersConfigured() { return filtersConfigured; }
    public Lifecycle lifecycle() { return status.lifecycle(); }
    public @Nullable PauseReason pauseReason() { return status.pauseReason(); }
    public @Nullable String pauseDetail() { return status.pauseDetail(); }
    public String encryptedCredentials() { return encryptedCredentials; }
    public Instant connectedAt() { return connectedAt; }
    public Instant lastApiRequestAt() { return lastApiRequestAt; }
}
