package io.syncwatch.integrations;

import java.time.Duration;

/** How often an integration imports. */
public enum Schedule {
    EVERY_15_MINUTES("Every 15 minutes", Duration.ofMinutes(15)),
    HOURLY("Hourly", Duration.ofHours(1)),
    EVERY_6_HOURS("Every 6 hours", Duration.ofHours(6)),
    DAILY("Daily", Duration.ofDays(1));

    public static final Schedule DEFAULT = HOURLY;

    private final String label;
    private final Duration interval;

    Schedule(String label, Duration interval) {
        this.label = label;
        this.interval = interval;
    }

    public String label() {
        return label;
    }

    public Duration interval() {
        return interval;
    }
}
