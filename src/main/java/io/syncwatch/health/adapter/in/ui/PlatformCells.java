package io.syncwatch.health.adapter.in.ui;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import io.syncwatch.health.DetailedState;
import io.syncwatch.health.adapter.in.ui.support.PlatformNames;
import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.platform.ConsoleRoutes;
import io.syncwatch.platform.shell.DateTimes;

/**
 * How one integration's health reads on the Platforms tab: its name (a link to its page unless
 * deleted), its status with badges (running, gap, overdue), and its times in the viewer's zone —
 * as table cells, as a card on narrow screens, and as the status cell's tooltip.
 */
final class PlatformCells {

    private final HealthQueries queries;
    private final PlatformNames platformNames;
    private DateTimes timestamps;

    PlatformCells(HealthQueries queries, PlatformNames platformNames, DateTimes timestamps) {
        this.queries = queries;
        this.platformNames = platformNames;
        this.timestamps = timestamps;
    }

    /** Shows times with this formatter from now on (the viewer's zone became known). */
    void useTimes(DateTimes times) {
        this.timestamps = times;
    }

    DateTimes timestamps() {
        return timestamps;
    }

    String platform(HealthRecord r) {
        return platformNames.of(r.platform());
    }

    Component name(HealthRecord r) {
        if (r.state() == DetailedState.DELETED) {
            // a deleted integration has no page any more (kept for audit); its name is plain text
            var name = new Span(r.name());
            name.addClassNames("sw-health-name", "sw-health-deleted");
            return name;
        }
        return integrationLink(r);
    }

    /** A link to the integrations module's integration page (by path: health does not know its view class). */
    private static Component integrationLink(HealthRecord r) {
        var a = new Anchor(ConsoleRoutes.integration(r.integrationId().value()), r.name());
        a.addClassName("sw-health-name");
        a.getElement().setAttribute("router-link", true);
        return a;
    }

    Component status(HealthRecord r) {
        var now = queries.now();
        DetailedState state = r.state();
        var badge = new Span(state.summary().label());
        badge.addClassNames("sw-status", "sw-status-" + state.summary().name().toLowerCase(Locale.ROOT));
        var detail = new Span(state.label() + reason(r));
        detail.addClassName("sw-health-detail");
        var cell = new Div(badge, detail);
        cell.addClassName("sw-health-status"); // wraps (styles.css): the detail is never cut off
        if (r.running()) {
            cell.add(flag("Running…", "sw-health-running", "badge contrast small"));
        }
        if (r.gap(now)) {
            cell.add(flag("Gap", "sw-health-gap", "badge warning small"));
        }
        if (r.overdue(now)) {
            cell.add(flag("Overdue", "sw-health-overdue", "badge error small"));
        }
        return cell;
    }

    private static Span flag(String text, String className, String theme) {
        var flag = new Span(text);
        flag.addClassName(className);
        flag.getElement().setAttribute("theme", theme);
        return flag;
    }

    private static String reason(HealthRecord r) {
        if (r.state() != DetailedState.INACTIVE || r.pauseReason() == null) {
            return "";
        }
        return switch (r.pauseReason()) {
            case MANUAL -> " (paused)";
            case DEVELOPMENT_INACTIVITY -> " (no API request for 14 days)";
            default -> "";
        };
    }

    /** The status cell's tooltip: what the status means for this integration, and since when. */
    String statusHover(HealthRecord r) {
        return StatusHover.text(r, timestamps, queries.now());
    }

    String lastRanAt(HealthRecord r) {
        return timestamps.format(r.lastRanAt(), queries.now(), "Never");
    }

    String nextRun(HealthRecord r) {
        return r.nextRunAt() == null || r.lifecycle() != Lifecycle.ACTIVE ? "—"
                : timestamps.format(r.nextRunAt(), queries.now());
    }

    String lastDataImported(HealthRecord r) {
        if (r.lastDataImportedAt() != null) {
            return timestamps.format(r.lastDataImportedAt(), queries.now());
        }
        return r.lastRanAt() != null ? "No data" : "—";
    }

    /** The integration as a card (narrow screens): every cell of its row, nothing off-screen. */
    Component card(HealthRecord r) {
        return PlatformCard.of(r, name(r), platform(r), status(r), lastRanAt(r), lastDataImported(r), nextRun(r), timestamps,
                queries.now());
    }
}
