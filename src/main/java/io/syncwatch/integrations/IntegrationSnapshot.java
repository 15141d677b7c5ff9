package io.syncwatch.integrations;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.AccountId;

/**
 * The state of an integration that other modules keep projections of (never any secret).
 * Every integrations event carries the snapshot after the change.
 */
public record IntegrationSnapshot(IntegrationId id, AccountId accountId, String name, String platform,
        Environment environment, Schedule schedule, ImportFilters filters, Lifecycle lifecycle,
        @Nullable PauseReason pauseReason, @Nullable String pauseDetail, Instant connectedAt) {

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
