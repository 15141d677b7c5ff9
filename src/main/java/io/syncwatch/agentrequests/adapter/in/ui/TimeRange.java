package io.syncwatch.agentrequests.adapter.in.ui;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** Time ranges offered by the API Status page's filter: presets ending now, or a custom from/to. */
enum TimeRange {
    LAST_24_HOURS("Last 24 hours", "last-24-hours", Duration.ofHours(24)),
    LAST_7_DAYS("Last 7 days", "last-7-days", Duration.ofDays(7)),
    LAST_30_DAYS("Last 30 days", "last-30-days", Duration.ofDays(30)),
    LAST_90_DAYS("Last 90 days", "last-90-days", Duration.ofDays(90)),
    /** From/to chosen with date-time pickers in the viewer's time zone. */
    CUSTOM("Custom range", "custom", null);

    final String label;
    /** For file names. */
    final String slug;
    /** Null for {@link #CUSTOM}. */
    final @Nullable Duration length;

    TimeRange(String label, String slug, @Nullable Duration length) {
        this.label = label;
        this.slug = slug;
        this.length = length;
    }
}
