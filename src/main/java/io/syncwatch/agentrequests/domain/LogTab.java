package io.syncwatch.agentrequests.domain;

/** The two tabs of the API Status page. */
public enum LogTab {
    /** Every request that failed processing, from either kind of key. */
    INVALID,
    /** Every request sent with a test key, valid or not. */
    TEST;

    /** Whether a request belongs on this tab. */
    public boolean holds(KeyKind kind, boolean failed) {
        return this == INVALID ? failed : kind == KeyKind.TEST;
    }
}
