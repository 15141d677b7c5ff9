package io.syncwatch.integrations.domain;

import org.jspecify.annotations.Nullable;

import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;

/**
 * Where an integration stands in its lifecycle, and why it is paused: the rules of which pause
 * changes it and where a resume leads (spec 002). Immutable; {@link Integration} keeps the current
 * one and audits each change.
 */
record LifecycleStatus(Lifecycle lifecycle, @Nullable PauseReason pauseReason, @Nullable String pauseDetail) {

    static final LifecycleStatus SETUP = new LifecycleStatus(Lifecycle.SETUP, null, null);

    /** Paused until new credentials are provided: only a Reconnect ends it. */
    boolean heldForInvalidCredentials() {
        return lifecycle == Lifecycle.PAUSED && pauseReason == PauseReason.CREDENTIALS_INVALID;
    }

    /** Stopped for quality assurance: only Syncwatch's support staff re-enable it. */
    boolean heldForQualityAssurance() {
        return lifecycle == Lifecycle.PAUSED && pauseReason == PauseReason.QUALITY_ASSURANCE;
    }

    boolean paused() {
        return lifecycle == Lifecycle.PAUSED;
    }

    boolean deleted() {
        return lifecycle == Lifecycle.DELETED;
    }

    /** Filters were configured: an integration in Setup becomes Active; any other status stays. */
    LifecycleStatus configured() {
        return lifecycle == Lifecycle.SETUP ? new LifecycleStatus(Lifecycle.ACTIVE, null, null) : this;
    }

    /**
     * Paused for this reason, or null when the pause changes nothing: paused again for the same
     * reason, or any pause of an integration held for invalid credentials or for quality assurance
     * (a hold keeps its reason, so that only its own way out ends it).
     */
    @Nullable LifecycleStatus pausedFor(PauseReason reason, @Nullable String detail) {
        if (paused() && (pauseReason == reason || heldForInvalidCredentials() || heldForQualityAssurance())) {
            return null;
        }
        return new LifecycleStatus(Lifecycle.PAUSED, reason, detail);
    }

    /** The end of a pause: Active again, or Setup if filters were never configured. */
    LifecycleStatus resumed(boolean filtersConfigured) {
        return new LifecycleStatus(filtersConfigured ? Lifecycle.ACTIVE : Lifecycle.SETUP, null, null);
    }

    static LifecycleStatus deletedForGood() {
        return new LifecycleStatus(Lifecycle.DELETED, null, null);
    }
}
