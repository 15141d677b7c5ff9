package io.syncwatch.alerts.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.syncwatch.health.DetailedState;
import io.syncwatch.health.SummaryStatus;

/**
 * The weekly digest's rules, over the week ending at {@code generatedAt}:
 * <ul>
 * <li>not active: every integration whose summary is Error or Paused, with message and action;</li>
 * <li>running with warnings: every integration whose summary is Warning (it still runs), with message and action;</li>
 * <li>data gap: it ran in the last day but saved no data for more than {@link #DATA_GAP};</li>
 * <li>quiet or overdue: no run for {@link #QUIET} although not paused, or next run more than
 * {@link #OVERDUE_GRACE} in the past;</li>
 * <li>volume drop: the week's imported count is below {@link #DROP_RATIO} of the trailing
 * four-week weekly average (only when that average is at least {@link #MIN_AVERAGE});</li>
 * <li>recovered: back to Active within the week from a state a run caused (never from setup or a pause).</li>
 * </ul>
 */
public final class WeeklyDigest {

    public static final Duration DATA_GAP = Duration.ofHours(48);
    public static final Duration QUIET = Duration.ofHours(48);
    public static final Duration OVERDUE_GRACE = Duration.ofHours(2);
    public static final double DROP_RATIO = 0.5;
    public static final long MIN_AVERAGE = 20;

    private WeeklyDigest() {
    }

    /**
     * @param dailyImported per integration id: imported count per UTC day
     */
    public static List<DigestLine> compute(List<DigestIntegration> integrations,
            Map<Long, Map<LocalDate, Long>> dailyImported, Instant generatedAt) {
        List<DigestLine> lines = new ArrayList<>();
        LocalDate today = generatedAt.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate weekStart = today.minusDays(6);
        for (DigestIntegration i : integrations) {
            if (i.state() == DetailedState.DELETED) {
                continue;
            }
            if (i.state().summary() != SummaryStatus.ACTIVE) {
                String text = i.state().label() + (i.message() == null ? "" : ": " + i.message())
                        + (i.recommendedAction() == null ? "" : " — " + i.recommendedAction());
                lines.add(new DigestLine(i.state().summary() == SummaryStatus.WARNING ? DigestLine.Kind.WARNINGS
                        : DigestLine.Kind.NOT_ACTIVE, i.integrationId(), i.name(), text));
            }
            boolean paused = i.state().summary() == SummaryStatus.PAUSED;
            if (i.lastRanAt() != null && !paused) {
                Instant lastData = i.lastDataAt();
                Duration gap = lastData == null ? null : Duration.between(lastData, i.lastRanAt());
                if (lastData == null || gap.compareTo(DATA_GAP) > 0) {
                    lines.add(new DigestLine(DigestLine.Kind.DATA_GAP, i.integrationId(), i.name(),
                            "Last ran at " + AlertTimes.utcMinutes(i.lastRanAt()) + ", last data imported "
                                    + (lastData == null ? "never" : AlertTimes.utcMinutes(lastData) + " (" + gap.toHours() + " h earlier)")));
                }
            }
            if (!paused) {
                if (i.lastRanAt() == null || Duration.between(i.lastRanAt(), generatedAt).compareTo(QUIET) > 0) {
                    lines.add(new DigestLine(DigestLine.Kind.QUIET_OR_OVERDUE, i.integrationId(), i.name(),
                            i.lastRanAt() == null ? "Has not run yet" : "No run since " + AlertTimes.utcMinutes(i.lastRanAt())));
                } else if (i.nextRunAt() != null && i.nextRunAt().plus(OVERDUE_GRACE).isBefore(generatedAt)) {
                    lines.add(new DigestLine(DigestLine.Kind.QUIET_OR_OVERDUE, i.integrationId(), i.name(),
                            "Next run was due at " + AlertTimes.utcMinutes(i.nextRunAt()) + " and is overdue"));
                }
            }
            Map<LocalDate, Long> days = dailyImported.getOrDefault(i.integrationId(), Map.of());
            long thisWeek = sum(days, weekStart, today);
            long trailing = sum(days, weekStart.minusDays(28), weekStart.minusDays(1));
            double average = trailing / 4.0;
            if (average >= MIN_AVERAGE && thisWeek < average * DROP_RATIO) {
                long percent = Math.round(100.0 * (average - thisWeek) / average);
                lines.add(new DigestLine(DigestLine.Kind.VOLUME_DROP, i.integrationId(), i.name(), String.format(
                        "Imported %d this week against a trailing four-week average of %.0f per week (%d%% lower)",
                        thisWeek, average, percent)));
            }
            if (i.state().summary() == SummaryStatus.ACTIVE && i.recoveredAt() != null
                    && !i.recoveredAt().isBefore(generatedAt.minus(Duration.ofDays(7)))) {
                lines.add(new DigestLine(DigestLine.Kind.RECOVERED, i.integrationId(), i.name(),
                        "Active again since " + AlertTimes.utcMinutes(i.recoveredAt())));
            }
        }
        lines.sort((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind())
                : a.integrationName().compareToIgnoreCase(b.integrationName()));
        return lines;
    }

    private static long sum(Map<LocalDate, Long> days, LocalDate from, LocalDate to) {
        long total = 0;
        for (var e : days.entrySet()) {
            if (!e.getKey().isBefore(from) && !e.getKey().isAfter(to)) {
                total += e.getValue();
            }
        }
        return total;
    }
}
