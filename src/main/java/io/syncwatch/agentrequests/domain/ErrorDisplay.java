package io.syncwatch.agentrequests.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Display text of a stored error code, including the transport-level {@code MALFORMED_REQUEST}. */
public final class ErrorDisplay {

    public static final String MALFORMED_TEXT = "Malformed request";

    /** Every code a logged request can carry, in display order: the validation codes, then {@code MALFORMED_REQUEST}. */
    public static final List<String> STORED_CODES = Stream.concat(Arrays.stream(RequestErrorCode.values()).map(Enum::name),
            Stream.of(LoggedRequest.MALFORMED)).toList();

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
