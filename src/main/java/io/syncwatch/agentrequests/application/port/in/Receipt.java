package io.syncwatch.agentrequests.application.port.in;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.syncwatch.agentrequests.domain.RequestError;

/** What the caller is told: the request id, the HTTP status and either the resolved values or the errors. */
public record Receipt(String requestId, int status, List<RequestError> errors, @Nullable String resolvedBrand,
        @Nullable String resolvedLanguage, @Nullable String reference) {

    public static final int ACCEPTED = 202;
    public static final int UNPROCESSABLE = 422;
    public static final int MALFORMED = 400;
}
