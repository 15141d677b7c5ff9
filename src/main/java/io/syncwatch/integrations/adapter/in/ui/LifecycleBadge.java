package io.syncwatch.integrations.adapter.in.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;

/**
 * The badge under an integration's title saying where it is in its lifecycle: in setup, scheduled
 * (the schedule, not a health claim), paused and why, or deleted.
 */
final class LifecycleBadge {

    private LifecycleBadge() {
    }

    /** The badge's row (replaced in place when the integration changes). */
    static HorizontalLayout row(IntegrationSnapshot s) {
        Span lifecycle = new Span(switch (s.lifecycle()) {
            case SETUP -> "Setup: configure filters to start importing";
            // the schedule, not a health claim: the status card below says how the runs went
            case ACTIVE -> "Scheduled: " + s.schedule().label().toLowerCase(Locale.ROOT);
            case PAUSED -> pauseLabel(s.pauseReason()) + (s.pauseDetail() == null ? "" : " — " + s.pauseDetail());
            case DELETED -> "Deleted";
        });
        lifecycle.setId("lifecycle");
        lifecycle.getElement().getThemeList().add(s.lifecycle() == Lifecycle.PAUSED ? "badge contrast" : "badge");
        return new HorizontalLayout(lifecycle);
    }

    static String pauseLabel(PauseReason reason) {
        if (reason == null) {
            return "Paused";
        }
        return switch (reason) {
            case MANUAL -> "Paused";
            case DEVELOPMENT_INACTIVITY -> "Inactive";
            case CREDENTIALS_INVALID -> "Paused until new credentials are entered (Reconnect)";
            case QUALITY_ASSURANCE -> "Stopped for quality assurance";
        };
    }
}
