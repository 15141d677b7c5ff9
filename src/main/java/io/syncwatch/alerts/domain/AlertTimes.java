package io.syncwatch.alerts.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times in alert mails, summaries, the digest and its webhook: read in any time zone and at any
 * later time, so always absolute, in UTC, said so, in the console's one shape (spec 000's
 * "Feb 8, 2026 3:45 PM", {@code platform.shell.DateTimes.PATTERN}; the domain cannot use that
 * class, and {@code DateTimesTest} keeps the two the same).
 */
public final class AlertTimes {

    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private AlertTimes() {
    }

    /** "Nov 22, 2026 7:00 AM UTC". */
    public static String utcMinutes(Instant at) {
        return UTC_MINUTES.format(at);
    }
}
