package io.syncwatch.platform.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DateTimesTest {

    static final Instant AT = Instant.parse("2026-02-08T15:45:00Z");
    final DateTimes format = new DateTimes(ZoneId.of("UTC"), Locale.US);

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
        var berlin = new DateTimes(ZoneId.of("Europe/Berlin"), Locale.US);
        assertThat(berlin.format(AT, AT.plus(Duration.ofHours(7)))).isEqualTo("Feb 8, 2026 4:45 PM");
        var german = new DateTimes(ZoneId.of("UTC"), Locale.GERMANY);
        assertThat(german.format(AT, AT.plus(Duration.ofHours(8)))).startsWith("Feb").contains("2026 3:45");
    }

    @Test
    void futureTimesForTheNextRun() {
        assertThat(format.format(AT.plus(Duration.ofMinutes(30)), AT)).isEqualTo("in 30 minutes");
        assertThat(format.format(AT.plus(Duration.ofHours(8)), AT)).isEqualTo("Feb 8, 2026 11:45 PM");
    }

    @Test
    void exportsAreIso8601WithTheViewersOffset() {
        var berlin = new DateTimes(ZoneId.of("Europe/Berlin"), Locale.US);
        assertThat(berlin.iso(AT.plusMillis(250))).isEqualTo("2026-02-08T16:45:00+01:00");
        assertThat(format.iso(AT)).isEqualTo("2026-02-08T15:45:00Z");
        assertThat(java.time.OffsetDateTime.parse(berlin.iso(AT)).toInstant()).isEqualTo(AT);
    }

    @Test
    void mailsAndAuditTrailsAreAbsoluteWithTheirZone() {
        assertThat(DateTimes.utc().absoluteWithZone(AT)).isEqualTo("Feb 8, 2026 3:45 PM UTC")
                .as("mails (health's domain cannot use the shell) write the same").isEqualTo(
                        io.syncwatch.alerts.domain.AlertTimes.utcMinutes(AT));
        assertThat(new DateTimes(ZoneId.of("America/New_York"), Locale.US).absoluteWithZone(AT))
                .isEqualTo("Feb 8, 2026 10:45 AM America/New_York");
        assertThat(format.date(java.time.LocalDate.of(2026, 11, 3))).isEqualTo("Nov 3, 2026");
        assertThat(format.format(null, AT, "Never")).isEqualTo("Never");
    }
}
