package io.syncwatch.health.adapter.in.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class TimestampFormatTest {

    static final Instant AT = Instant.parse("2026-02-08T15:45:00Z");
    final TimestampFormat format = new TimestampFormat(ZoneId.of("UTC"), Locale.US);

    @Test
    void lessThanSevenHoursIsRelative() {
        assertThat(format.format(AT, AT)).isEqualTo("just now");
        assertThat(format.format(AT, AT.plusSeconds(59))).isEqualTo("just now");
        assertThat(format.format(AT, AT.plus(Duration.ofMinutes(1)))).isEqualTo("1 minute ago");
        assertThat(format.format(AT, AT.plus(Duration.ofMinutes(12)))).isEqualTo("12 minutes ago");
        assertThat(format.format(AT, AT.plus(Duration.ofHours(2)))).isEqualTo("2 hours ago");
        assertThat(format.format(AT, AT.plus(Duration.ofHours(6).plusMinutes(59)))).isEqualTo("6 hours ago");
    }

    @Test
    void sevenHoursOrMoreIsAbsoluteInTheViewersZoneAndLocale() {
        assertThat(format.format(AT, AT.plus(Duration.ofHours(7)))).isEqualTo("Feb 8, 2026 3:45 PM");
        assertThat(format.format(AT, AT.plus(Duration.ofDays(40)))).isEqualTo("Feb 8, 2026 3:45 PM");
        var berlin = new TimestampFormat(ZoneId.of("Europe/Berlin"), Locale.US);
        assertThat(berlin.format(AT, AT.plus(Duration.ofHours(7)))).isEqualTo("Feb 8, 2026 4:45 PM");
        var german = new TimestampFormat(ZoneId.of("UTC"), Locale.GERMANY);
        assertThat(german.format(AT, AT.plus(Duration.ofHours(8)))).startsWith("Feb").contains("2026 3:45");
    }

    @Test
    void futureTimesForTheNextRun() {
        assertThat(format.format(AT.plus(Duration.ofMinutes(30)), AT)).isEqualTo("in 30 minutes");
        assertThat(format.format(AT.plus(Duration.ofHours(8)), AT)).isEqualTo("Feb 8, 2026 11:45 PM");
    }
}
