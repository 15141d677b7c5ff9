package io.syncwatch.health.domain.alerts;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** At most one alert mail per integration and kind of failure per hour. */
public final class MailThrottle {

    public static final Duration WINDOW = Duration.ofHours(1);

    private MailThrottle() {
    }

    public static boolean mayMail(@Nullable Instant lastSentForSameKind, Instant now) {
        return lastSentForSameKind == null || !now.isBefore(lastSentForSameKind.plus(WINDOW));
    }
}
