package io.syncwatch.integrations;

/** Why a paused integration is not running. */
public enum PauseReason {
    /** A user paused it (the spec's Paused / Inactive). */
    MANUAL,
    /** A development integration without an API request for 14 days. */
    DEVELOPMENT_INACTIVITY,
    /** Every run for three days failed on authentication; resumes on reconnect. */
    CREDENTIALS_INVALID,
    /** The first run had problems; an operator re-enables it. */
    QUALITY_ASSURANCE
}
