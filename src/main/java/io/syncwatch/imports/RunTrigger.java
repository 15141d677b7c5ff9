package io.syncwatch.imports;

/** What started a run. */
public enum RunTrigger {
    SCHEDULED("Scheduled"), MANUAL("Run now"), BACKFILL("Backfill"), SINGLE_CONVERSATION("Single conversation");

    private final String label;

    RunTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
