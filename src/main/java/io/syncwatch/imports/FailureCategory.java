package io.syncwatch.imports;

/**
 * Why a run failed: a connector call (spec 000, step 4), or Syncwatch itself for a moment (its
 * database away; the run is tried again shortly, decision 0013).
 */
public enum FailureCategory {
    AUTHENTICATION_FAILED("Authentication failed"),
    PERMISSION_DENIED("Permission denied at source"),
    SOURCE_UNREACHABLE("Source unreachable"),
    RATE_LIMITED("Rate limited"),
    INVALID_DATA("Invalid data"),
    UNEXPECTED("Unexpected error"),
    SYNCWATCH_UNAVAILABLE("Syncwatch temporarily unavailable");

    private final String label;

    FailureCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
