package io.syncwatch.imports.application.port.in;

import org.jspecify.annotations.Nullable;

import io.syncwatch.imports.ImportRunId;

/** What happened to one conversation imported by reference; the message says it in full. */
public record SingleImportAnswer(Kind kind, String message, @Nullable ImportRunId runId) {

    public enum Kind {
        IMPORTED, REFRESHED, ALREADY_PRESENT, NOT_FOUND, EXCLUDED_BY_FILTER, NOT_SUPPORTED, FAILED
    }
}
