package io.syncwatch.agentrequests.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;


/**
 * A filter over one tab of the request log: error code (any of a request's errors), key kind,
 * time range [from, to) and a search in employee email or reference.
 */
public record LogQuery(LogTab tab, @Nullable String errorCode, @Nullable KeyKind keyKind, Instant from, Instant to,
        @Nullable String search) {

    public LogQuery {
        search = search == null || search.isBlank() ? null : search.strip();
        errorCode = errorCode == null || errorCode.isBlank() ? null : errorCode;
    }

    /** The kind of key of every request the query lists: test on the Test Requests tab, else the key-kind filter (null: both). */
    public @Nullable KeyKind keyKindOfTab() {
        return tab == LogTab.TEST ? KeyKind.TEST : keyKind;
    }
}
