package io.syncwatch.agentrequests.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.AccountId;

/**
 * A request as kept in the log. {@code errors} holds validation errors; a malformed request has
 * none but a {@code malformedReason}, and its primary error code is {@link #MALFORMED}.
 */
public record LoggedRequest(String requestId, AccountId accountId, Instant createdAt, long keyId, String keyName,
        KeyKind keyKind, int responseStatus, List<RequestError> errors, @Nullable String malformedReason,
        AgentRequest request, String rawBody) {

    public static final String MALFORMED = "MALFORMED_REQUEST";

    public LoggedRequest {
        errors = List.copyOf(errors);
    }

    public boolean failed() {
        return malformedReason != null || !errors.isEmpty();
    }

    public boolean inTab(LogTab tab) {
        return tab.holds(keyKind, failed());
    }

    /** Whether the request is kept at all: test-key requests and failed requests are. */
    public boolean logged() {
        return inTab(LogTab.TEST) || inTab(LogTab.INVALID);
    }

    /** Error codes as stored: the validation codes, or {@link #MALFORMED}. */
    public List<String> errorCodes() {
        if (malformedReason != null) {
            return List.of(MALFORMED);
        }
        return errors.stream().map(e -> e.code().name()).toList();
    }

    public Optional<String> primaryErrorCode() {
        return errorCodes().stream().findFirst();
    }
}
