package io.syncwatch.health;

/** The detailed integration states (spec 002) and the summary status each maps to. */
public enum DetailedState {
    ACTIVE("Active", SummaryStatus.ACTIVE),
    SYNC_FAILING("Sync failing", SummaryStatus.ERROR),
    SYNC_HAS_WARNINGS("Sync has warnings", SummaryStatus.WARNING),
    QUALITY_ASSURANCE("Quality assurance", SummaryStatus.WARNING),
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
}
