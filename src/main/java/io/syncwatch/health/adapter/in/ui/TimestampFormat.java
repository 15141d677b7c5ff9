package io.syncwatch.health.adapter.in.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Platforms tab's timestamps (spec 000): under 7 hours relative ("just now", "12 minutes
 * ago", "2 hours ago"), from 7 hours on absolute in the viewer's zone and locale
 * ("Feb 8, 2026 3:45 PM").
 */
public final class TimestampFormat {

    public static final Duration RELATIVE_LIMIT = Duration.ofHours(7);

    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter absolute;

    public TimestampFormat(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.locale = locale;
        this.absolute = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a", locale).withZone(zone);
    }

    public String format(Instant at, Instant now) {
        Duration ago = Duration.between(at, now);
        if (ago.isNegative()) {
            // in the future (next run): relative while close, absolute otherwise
            Duration ahead = ago.negated();
            if (ahead.compareTo(RELATIVE_LIMIT) < 0) {
                long minutes = ahead.toMinutes();
                if (minutes < 1) {
                    return "in less than a minute";
                }
                return minutes < 60 ? "in " + plural(minutes, "minute") : "in " + plural(ahead.toHours(), "hour");
            }
            return absolute.format(at);
        }
        if (ago.compareTo(RELATIVE_LIMIT) >= 0) {
            return absolute.format(at);
        }
        long minutes = ago.toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return plural(minutes, "minute") + " ago";
        }
        return plural(ago.toHours(), "hour") + " ago";
    }

    /** Always absolute (for tooltips). */
    public String absolute(Instant at) {
        return absolute.format(at);
    }

    /** Formats for the viewer of this UI: their time zone and locale. */
    public static TimestampFormat forViewer(com.vaadin.flow.component.@org.jspecify.annotations.Nullable UI ui) {
        return new TimestampFormat(io.syncwatch.platform.shell.ViewerZone.of(ui), ui == null ? Locale.US : ui.getLocale());
    }

    public ZoneId zone() {
        return zone;
    }

    public Locale locale() {
        return locale;
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
