package io.syncwatch.integrations;

/** Where an integration stands in its lifecycle; only {@link #ACTIVE} integrations run. */
public enum Lifecycle {
    /** Connected, filters not configured yet: does not run. */
    SETUP,
    /** Runs on its schedule. */
    ACTIVE,
    /** Stopped (see {@link PauseReason}); never runs until resumed. */
    PAUSED,
    /** Deleted: kept for audit, never runs again. */
    DELETED
}
