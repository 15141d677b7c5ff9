package io.syncwatch.platform.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;

/**
 * The console's one date-time formatter (spec 000), in the viewer's time zone and locale: under
 * 7 hours relative ("just now", "12 minutes ago", "2 hours ago", "in 30 minutes"), from 7 hours
 * on absolute ("Feb 8, 2026 3:45 PM"). Every grid and card shows times through it; exports use
 * {@link #iso(Instant)} (ISO 8601 with the viewer's offset), and date pickers are set to the same
 * locale with {@link #localize(DatePicker)}.
 */
public final class DateTimes {

    public static final Duration RELATIVE_LIMIT = Duration.ofHours(7);
    /** The absolute shape of spec 000's example, "Feb 8, 2026 3:45 PM". */
    public static final String PATTERN = "MMM d, yyyy h:mm a";

    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter absolute;
    private final DateTimeFormatter date;

    public DateTimes(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.locale = locale;
        this.absolute = DateTimeFormatter.ofPattern(PATTERN, locale).withZone(zone);
        this.date = DateTimeFormatter.ofPattern("MMM d, yyyy", locale);
    }

    /** Formats for the viewer of this UI: the zone their browser reported and the UI's locale (the browser's). */
    public static DateTimes forViewer(@Nullable UI ui) {
        return new DateTimes(ViewerZone.of(ui), ui == null ? Locale.US : ui.getLocale());
    }

    /** For a reader whose zone is unknown (mails): UTC, US English, always absolute with "UTC" after it. */
    public static DateTimes utc() {
        return new DateTimes(ZoneOffset.UTC, Locale.US);
    }

    /** Relative while within 7 hours of {@code now} (past or future), absolute otherwise. */
    public String format(Instant at, Instant now) {
        Duration ago = Duration.between(at, now);
        if (ago.isNegative()) {
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

    /** {@link #format(Instant, Instant)}, or {@code none} when there is no time. */
    public String format(@Nullable Instant at, Instant now, String none) {
        return at == null ? none : format(at, now);
    }

    /** Always absolute, "Feb 8, 2026 3:45 PM" (tooltips, audit notes). */
    public String absolute(Instant at) {
        return absolute.format(at);
    }

    /** "Feb 8, 2026 3:45 PM UTC": absolute with the zone, for pages and mails read later or elsewhere. */
    public String absoluteWithZone(Instant at) {
        return absolute(at) + " " + zoneLabel();
    }

    /** A day, "Feb 8, 2026". */
    public String date(LocalDate day) {
        return date.format(day);
    }

    /** ISO 8601 with the offset in this zone, to the second: "2026-02-08T16:45:00+01:00" (exports). */
    public String iso(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** "UTC", or the zone's id ("Europe/Berlin"). */
    public String zoneLabel() {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** Sets a date picker to the viewer's locale (every picker alike: no "11/3/2026" beside "2026-11-13"). */
    public DatePicker localize(DatePicker picker) {
        picker.setLocale(locale);
        return picker;
    }

    /** Sets a date-time picker to the viewer's locale. */
    public DateTimePicker localize(DateTimePicker picker) {
        picker.setLocale(locale);
        return picker;
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
