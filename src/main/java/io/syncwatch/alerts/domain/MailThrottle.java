package io.syncwatch.alerts.domain;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * At most one alert mail per integration and kind of failure per hour. Alerts inside the window
 * are held, not dropped: they are summarised in one mail when the window ends (which opens a new
 * window), or in the next alert of that kind if it comes first.
 */
public final class MailThrottle {

    public static final Duration WINDOW = Duration.ofHours(1);

    private MailThrottle() {
    }

    public static boolean mayMail(@Nullable Instant lastSentForSameKind, Instant now) {
        return lastSentForSameKind == null || !now.isBefore(windowEnd(lastSentForSameKind));
    }

    /** When the window opened by a mail sent at {@code lastSent} ends. */
    public static Instant windowEnd(Instant lastSent) {
        return lastSent.plus(WINDOW);
    }
}
