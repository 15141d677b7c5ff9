package io.syncwatch.imports.application.port.out;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.syncwatch.imports.FailureCategory;

/**
 * A classified connector failure. The message is what an admin reads on the Platforms tab, so
 * it says what happened at the source in plain words (never a credential).
 */
public class SourceFailure extends Exception {

    private final FailureCategory category;
    private final @Nullable Duration retryAfter;

    public SourceFailure(FailureCategory category, String message, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        super(message, cause);
        this.category = category;
        this.retryAfter = retryAfter;
    }

    public static SourceFailure authenticationFailed(String message) {
        return new SourceFailure(FailureCategory.AUTHENTICATION_FAILED, message, null, null);
    }

    public static SourceFailure permissionDenied(String message) {
        return new SourceFailure(FailureCategory.PERMISSION_DENIED, message, null, null);
    }

    public static SourceFailure unreachable(String message, @Nullable Throwable cause) {
        return new SourceFailure(FailureCategory.SOURCE_UNREACHABLE, message, null, cause);
    }

    public static SourceFailure rateLimited(String message, @Nullable Duration retryAfter) {
        return new SourceFailure(FailureCategory.RATE_LIMITED, message, retryAfter, null);
    }

    public static SourceFailure invalidData(String message, @Nullable Throwable cause) {
        return new SourceFailure(FailureCategory.INVALID_DATA, message, null, cause);
    }

    public FailureCategory category() {
        return category;
    }

    /** For rate limits: how long the platform asked us to wait, when it said. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /** Whether retrying within the same run may help (timeouts, 5xx, connection refused). */
    public boolean transientFailure() {
        return category == FailureCategory.SOURCE_UNREACHABLE;
    }
}
