package io.syncwatch.alerts.domain;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When to try a delivery again. Timeouts/connection errors, 5xx and 429 are retried with
 * exponential back-off (1 min, 2, 4 … capped at 2 h; {@code Retry-After} honoured up to 6 h)
 * until 26 hours have passed since the first attempt; any other 4xx is never retried.
 */
public final class RetryPolicy {

    public static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    public static final Duration MAX_DELAY = Duration.ofHours(2);
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(6);
    public static final Duration GIVE_UP_AFTER = Duration.ofHours(26);
    /** An endpoint whose deliveries failed continuously for this long is disabled. */
    public static final Duration AUTO_DISABLE_AFTER = Duration.ofDays(5);

    private RetryPolicy() {
    }

    /** The result of one HTTP attempt: a status code, or none for a timeout/connection error. */
    public record Attempt(@Nullable Integer statusCode, @Nullable Duration retryAfter) {
        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        public boolean retryable() {
            return statusCode == null || statusCode >= 500 || statusCode == 429;
        }
    }

    /** The next attempt's time, or null when the delivery has failed for good. */
    public static @Nullable Instant nextAttempt(Attempt attempt, int attemptsSoFar, Instant firstAttemptAt,
            Instant now) {
        if (attempt.succeeded() || !attempt.retryable()) {
            return null;
        }
        Duration delay = backoff(attemptsSoFar);
        if (attempt.retryAfter() != null && !attempt.retryAfter().isNegative()) {
            Duration ra = attempt.retryAfter().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : attempt.retryAfter();
            if (ra.compareTo(delay) > 0) {
                delay = ra;
            }
        }
        Instant next = now.plus(delay);
        if (next.isAfter(firstAttemptAt.plus(GIVE_UP_AFTER))) {
            return null;
        }
        return next;
    }

    /** Back-off after the given number of attempts (1 → 1 min, 2 → 2 min, … capped). */
    public static Duration backoff(int attemptsSoFar) {
        int exponent = Math.max(0, Math.min(attemptsSoFar - 1, 20));
        Duration d = FIRST_DELAY.multipliedBy(1L << exponent);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    public static boolean shouldAutoDisable(@Nullable Instant failingSince, Instant now) {
        return failingSince != null && !now.isBefore(failingSince.plus(AUTO_DISABLE_AFTER));
    }
}
