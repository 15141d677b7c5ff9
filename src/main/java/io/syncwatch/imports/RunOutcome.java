package io.syncwatch.imports;

/** How a run ended. Rate limited is a warning, not an error: the next run resumes there. */
public enum RunOutcome {
    SUCCEEDED("Succeeded"),
    SUCCEEDED_WITH_WARNINGS("Succeeded with warnings"),
    RATE_LIMITED("Rate limited"),
    FAILED("Failed");

    private final String label;

    RunOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
