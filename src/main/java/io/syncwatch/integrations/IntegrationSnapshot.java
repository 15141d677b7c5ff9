package io.syncwatch.integrations;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.AccountId;

/**
 * The state of an integration that other modules keep projections of (never any secret).
 * Every integrations event carries the snapshot after the change.
 *
 * @param version the integration aggregate's version when this snapshot was taken: every stored change
 *        increases it, and one version is one state (decision 0022). Listeners run
 *        concurrently and a publication may be resubmitted a minute later, so one integration's events
 *        can arrive in any order: a projection stores the version it holds and applies a snapshot only
 *        when it is {@linkplain #newerThan(long) newer}, so a stale event never undoes a later change.
 */
public record IntegrationSnapshot(IntegrationId id, AccountId accountId, String name, String platform,
        Environment environment, Schedule schedule, ImportFilters filters, Lifecycle lifecycle,
        @Nullable PauseReason pauseReason, @Nullable String pauseDetail, Instant connectedAt, long version) {

    /** Whether this snapshot is a later state than the one a projection holds at {@code heldVersion}. */
    public boolean newerThan(long heldVersion) {
        return version > heldVersion;
    }

    /** Whether the scheduler may run it. */
    public boolean runnable() {
        return lifecycle == Lifecycle.ACTIVE;
    }

    /**
     * Held for invalid credentials: only a Reconnect (new, tested credentials) resumes it, a
     * plain Resume is refused ({@link ReconnectRequired}).
     */
    public boolean requiresReconnect() {
        return lifecycle == Lifecycle.PAUSED && pauseReason == PauseReason.CREDENTIALS_INVALID;
    }

    /**
     * Stopped for quality assurance: only Syncwatch's support staff re-enable it, a customer's
     * Resume is refused ({@link SupportReEnableRequired}).
     */
    public boolean heldForQualityAssurance() {
        return lifecycle == Lifecycle.PAUSED && pauseReason == PauseReason.QUALITY_ASSURANCE;
    }

    /**
     * Why a run (scheduled, Run now, one conversation, backfill) cannot start, in words that say
     * what to do or who acts next; empty when it can run. Buttons that cannot work are disabled
     * with this as their tooltip.
     */
    public java.util.Optional<String> whyItCannotRun() {
        return java.util.Optional.ofNullable(switch (lifecycle) {
            case ACTIVE -> null;
            case SETUP -> "It cannot run until setup is finished: save its filters first";
            case DELETED -> "It was deleted and no longer runs";
            case PAUSED -> pauseReason == null ? "It is paused: resume it to run it" : switch (pauseReason) {
                case MANUAL -> "It is paused: resume it to run it";
                case DEVELOPMENT_INACTIVITY -> "It is inactive (no API request for 14 days): reactivate it to run it";
                case CREDENTIALS_INVALID -> "It is paused until new credentials are entered: reconnect it to run it";
                case QUALITY_ASSURANCE -> "It is stopped for quality assurance: our engineering team re-enables it "
                        + "once the issue is resolved";
            };
        });
    }
}
