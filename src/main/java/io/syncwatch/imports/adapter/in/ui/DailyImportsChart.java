package io.syncwatch.imports.adapter.in.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.syncwatch.imports.domain.DailyImports;

/** Records imported per day as a bar chart, drawn on the server as an SVG string (no JavaScript). */
final class DailyImportsChart {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 170;
    private static final int LEFT = 40;
    private static final int BOTTOM = 22;
    private static final int TOP = 10;

    private DailyImportsChart() {
    }

    static String svg(List<DailyImports> days) {
        long max = Math.max(1, days.stream().mapToLong(d -> d.imported() + d.updated()).max().orElse(0));
        double slot = (WIDTH - LEFT - 4) / (double) Math.max(1, days.size());
        double plot = HEIGHT - TOP - BOTTOM;
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sw-imports-chart\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"Records imported per day\">");
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM)).append(line(LEFT, HEIGHT - BOTTOM, WIDTH - 4, HEIGHT - BOTTOM));
        svg.append(text(LEFT - 6, TOP + 8, "end", Long.toString(max))).append(text(LEFT - 6, HEIGHT - BOTTOM, "end", "0"));
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
            if (i == 0 || i == days.size() - 1 || i % 7 == 0) {
                svg.append(text(x + slot / 2, HEIGHT - 6, "middle", DAY.format(d.day())));
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
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"10\" fill=\"currentColor\">%s</text>", x, y,
                anchor, value);
    }
}
