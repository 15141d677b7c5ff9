package io.syncwatch.imports.adapter.in.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.syncwatch.imports.domain.DailyImports;

/** Issue 18, defect 9: the daily-imports chart takes the page's width and its labels are readable and apart. */
class DailyImportsChartTest {

    static final Pattern LABEL = Pattern.compile("<text x=\"([0-9.]+)\" y=\"214.0\" text-anchor=\"(?:middle|end)\" font-size=\"(\\d+)\"[^>]*>([^<]+)</text>");

    @Test
    void thirtyDaysGetAWeeklyLabelFromTodayBackNoneOverlappingAndALegend() {
        LocalDate today = LocalDate.of(2026, 12, 4);
        List<DailyImports> days = IntStream.range(0, 30)
                .mapToObj(i -> new DailyImports(today.minusDays(29 - i), 10L * i, i % 3)).toList();

        String svg = DailyImportsChart.svg(days);

        assertThat(svg).contains("width=\"100%\"", "imported", "refreshed", "aria-label=\"Records imported per day over the last 30 days");
        var labels = LABEL.matcher(svg).results().toList();
        assertThat(labels).extracting(m -> m.group(3)).containsExactly("Nov 6", "Nov 13", "Nov 20", "Nov 27", "Dec 4");
        assertThat(labels).allSatisfy(m -> assertThat(Integer.parseInt(m.group(2))).isGreaterThanOrEqualTo(12));
        for (int i = 1; i < labels.size(); i++) {
            double gap = Double.parseDouble(labels.get(i).group(1)) - Double.parseDouble(labels.get(i - 1).group(1));
            assertThat(gap).as("room for a label such as \"Nov 13\" at 12 units").isGreaterThan(60);
        }
    }
}
