package io.syncwatch.health.adapter.in.ui;

import java.time.Instant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.card.CardVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.platform.shell.DateTimes;

/**
 * One integration as a card, for the Platforms tab below 600 px: name and platform, the status
 * with its detail and the hover's text written out (touch users cannot hover), then the two
 * freshness columns and the schedule.
 */
final class PlatformCard {

    private PlatformCard() {
    }

    static Card of(HealthRecord r, Component name, String platform, Component status, String lastRanAt,
            String lastDataImported, String nextRun, DateTimes times, Instant now) {
        var card = new Card();
        card.addClassName("sw-platform-card");
        card.addThemeVariants(CardVariant.LUMO_OUTLINED);
        card.setTitle(name);
        card.setSubtitle(platform);
        var explanation = new Paragraph(StatusHover.text(r, times, now));
        explanation.addClassName("sw-platform-card-detail");
        var freshness = new Div();
        freshness.addClassName("sw-platform-card-times");
        freshness.add(line("Last ran at", lastRanAt), line("Last data imported", lastDataImported),
                line("Schedule", r.schedule().label() + ("—".equals(nextRun) ? "" : " · next " + nextRun)));
        card.add(status, explanation, freshness);
        return card;
    }

    private static Div line(String label, String value) {
        var line = new Div();
        line.setText(label + ": " + value);
        return line;
    }
}
