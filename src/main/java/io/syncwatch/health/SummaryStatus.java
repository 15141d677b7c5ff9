package io.syncwatch.health;

/** The four statuses of the Platforms tab (spec 000), in order of attention needed. */
public enum SummaryStatus {
    ERROR("Error"), WARNING("Warning"), PAUSED("Paused"), ACTIVE("Active");

    private final String label;

    SummaryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
