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
}
