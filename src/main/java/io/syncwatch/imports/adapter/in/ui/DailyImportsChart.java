package io.syncwatch.imports.adapter.in.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.syncwatch.imports.domain.DailyImports;

/**
 * Records imported per day as a bar chart, drawn on the server as an SVG string (no JavaScript,
 * no commercial chart add-on). It takes the page's width (up to 720 px, styles.css) and keeps its
 * proportions; labels are 12 units high in a 640-unit view (readable from about 360 px wide), a
 * day label every 7 days counted back from today so that none overlap, a legend, and each bar's
 * figures on hover.
 */
final class DailyImportsChart {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int BOTTOM = 26;
    private static final int TOP = 26;
    private static final int FONT = 12;

    private DailyImportsChart() {
    }

    static String svg(List<DailyImports> days) {
        long max = Math.max(1, days.stream().mapToLong(d -> d.imported() + d.updated()).max().orElse(0));
        double slot = (WIDTH - LEFT - 4) / (double) Math.max(1, days.size());
        double plot = HEIGHT - TOP - BOTTOM;
        var svg = new StringBuilder();
        long total = days.stream().mapToLong(d -> d.imported() + d.updated()).sum();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sw-imports-chart\" width=\"100%\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT)
                .append("\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" aria-label=\"Records imported per day over the last ")
                .append(days.size()).append(" days: ").append(total).append(" in all, at most ").append(max == 1 && total == 0 ? 0 : max)
                .append(" in one day\">");
        // legend, top right
        svg.append(rect(WIDTH - 230, 6, 12, 12, "var(--lumo-primary-color, #1676f3)"))
                .append(text(WIDTH - 212, 16, "start", "imported"))
                .append(rect(WIDTH - 130, 6, 12, 12, "var(--lumo-success-color, #2a9d5c)"))
                .append(text(WIDTH - 112, 16, "start", "refreshed"));
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM)).append(line(LEFT, HEIGHT - BOTTOM, WIDTH - 4, HEIGHT - BOTTOM));
        svg.append(text(LEFT - 6, TOP + 4, "end", Long.toString(max))).append(text(LEFT - 6, HEIGHT - BOTTOM, "end", "0"));
        if (max >= 4) {
            svg.append(text(LEFT - 6, TOP + (HEIGHT - TOP - BOTTOM) / 2.0 + 4, "end", Long.toString(max / 2)));
        }
        for (int i = 0; i < days.size(); i++) {
            DailyImports d = days.get(i);
            double x = LEFT + 2 + i * slot;
            double importedHeight = plot * d.imported() / max;
            double updatedHeight = plot * d.updated() / max;
            double base = HEIGHT - BOTTOM;
            svg.append("<g class=\"sw-imports-bar\"><title>").append(DAY.format(d.day())).append(": ").append(d.imported())
                    .append(" imported, ").append(d.updated()).append(" refreshed</title>");
            svg.append(rect(x, base - importedHeight, slot - 2, importedHeight, "var(--lumo-primary-color, #1676f3)"));
            svg.append(rect(x, base - importedHeight - updatedHeight, slot - 2, updatedHeight,
                    "var(--lumo-success-color, #2a9d5c)"));
            svg.append("</g>");
            if ((days.size() - 1 - i) % 7 == 0) { // today and every 7th day before it: never two labels side by side
                boolean last = i == days.size() - 1; // today's label ends at the right edge rather than past it
                svg.append(text(last ? x + slot - 2 : x + slot / 2, HEIGHT - 6, last ? "end" : "middle", DAY.format(d.day())));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x, y,
                Math.max(0, w), Math.max(0, h), fill);
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"currentColor\" stroke-opacity=\"0.3\"/>", x1,
                y1, x2, y2);
    }

    private static String text(double x, double y, String anchor, String value) {
        return String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"currentColor\">%s</text>", x, y,
                anchor, FONT, value);
    }
}
