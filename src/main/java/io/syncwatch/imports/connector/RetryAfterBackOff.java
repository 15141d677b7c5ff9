package io.syncwatch.imports.connector;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The back-off of one HTTP call: {@code attempts - 1} retries, the first after {@code backoff},
 * each further one after twice the wait before; when the failed answer said {@code Retry-After}
 * (a 503, say), the next try waits at least that long, and a {@code Retry-After} longer than
 * {@code maxRetryAfter} stops the retries (trying sooner than the platform asked is pointless).
 * One instance per call: it carries the hint of the answer that just failed.
 */
final class RetryAfterBackOff implements BackOff {

    private final HttpSourceSettings settings;
    private @Nullable Duration hint;

    RetryAfterBackOff(HttpSourceSettings settings) {
        this.settings = settings;
    }

    /** What the failed answer asked for; read (and cleared) by the next back-off. */
    void retryAfter(@Nullable Duration retryAfter) {
        this.hint = retryAfter;
    }

    @Override
    public BackOffExecution start() {
        ExponentialBackOff exponential = new ExponentialBackOff(settings.backoff().toMillis(), 2.0);
        exponential.setMaxAttempts(settings.attempts() - 1L);
        exponential.setMaxInterval(Long.MAX_VALUE);
        BackOffExecution doubling = exponential.start();
        return () -> {
            long next = doubling.nextBackOff();
            Duration asked = hint;
            hint = null;
            if (next == BackOffExecution.STOP || asked == null) {
                return next;
            }
            return asked.compareTo(settings.maxRetryAfter()) > 0 ? BackOffExecution.STOP : Math.max(next, asked.toMillis());
        };
    }
}
