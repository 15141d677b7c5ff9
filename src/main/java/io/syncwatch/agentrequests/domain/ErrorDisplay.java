package io.syncwatch.agentrequests.domain;

import java.util.Optional;

/** Display text of a stored error code, including the transport-level {@code MALFORMED_REQUEST}. */
public final class ErrorDisplay {

    public static final String MALFORMED_TEXT = "Malformed request";

    private ErrorDisplay() {
    }

    public static String textOf(String code) {
        return codeOf(code).map(RequestErrorCode::displayText).orElse(MALFORMED_TEXT);
    }

    public static Optional<RequestErrorCode> codeOf(String code) {
        for (RequestErrorCode c : RequestErrorCode.values()) {
            if (c.name().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
