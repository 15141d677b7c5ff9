package io.syncwatch.imports;

/** Why a connector call failed (spec 000, step 4). */
public enum FailureCategory {
    AUTHENTICATION_FAILED("Authentication failed"),
    PERMISSION_DENIED("Permission denied at source"),
    SOURCE_UNREACHABLE("Source unreachable"),
    RATE_LIMITED("Rate limited"),
    INVALID_DATA("Invalid data"),
    UNEXPECTED("Unexpected error");

    private final String label;

    FailureCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
