package io.syncwatch.health.domain.alerts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times in alert mails, summaries, the digest and its webhook: read in any time zone, so minutes in UTC, said so. */
public final class AlertTimes {

    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AlertTimes() {
    }

    /** "2026-11-22 07:00 UTC". */
    public static String utcMinutes(Instant at) {
        return UTC_MINUTES.format(at);
    }
}
