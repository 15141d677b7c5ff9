package io.syncwatch.health;

/**
 * The detailed integration states (spec 002, plus "Waiting for first run" before any run) and the
 * summary status each maps to (spec 000). The one mapping every surface derives from: the
 * Platforms row, the integration page, the digest, mails, webhooks and the states API. The table
 * is in architecture/health.md.
 */
public enum DetailedState {
    ACTIVE("Active", SummaryStatus.ACTIVE),
    /** Active and scheduled, but no run has finished yet: spec 000's Active ("the last run completed") is not true yet. */
    WAITING_FOR_FIRST_RUN("Waiting for first run", SummaryStatus.ACTIVE),
    SYNC_FAILING("Sync failing", SummaryStatus.ERROR),
    SYNC_HAS_WARNINGS("Sync has warnings", SummaryStatus.WARNING),
    /** The first sync had problems and the integration is stopped: spec 000's Error ("the last run failed"). */
    QUALITY_ASSURANCE("Quality assurance", SummaryStatus.ERROR),
    AUTHENTICATION_FAILING("Authentication failing", SummaryStatus.ERROR),
    CREDENTIALS_INVALID("Credentials invalid", SummaryStatus.ERROR),
    SETUP("Setup", SummaryStatus.WARNING),
    INACTIVE("Inactive", SummaryStatus.PAUSED),
    DELETED("Deleted", SummaryStatus.PAUSED);

    private final String label;
    private final SummaryStatus summary;

    DetailedState(String label, SummaryStatus summary) {
        this.label = label;
        this.summary = summary;
    }

    public String label() {
        return label;
    }

    public SummaryStatus summary() {
        return summary;
    }

    /**
     * A run went wrong (an Error or a Warning that a run caused): leaving it for Active is a
     * recovery. Setup, paused, deleted and waiting are not unhealthy: leaving them is no recovery.
     */
    public boolean unhealthy() {
        return this == SYNC_FAILING || this == SYNC_HAS_WARNINGS || this == QUALITY_ASSURANCE
                || this == AUTHENTICATION_FAILING || this == CREDENTIALS_INVALID;
    }
}
