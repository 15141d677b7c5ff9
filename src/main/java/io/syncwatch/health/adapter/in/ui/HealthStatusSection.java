package io.syncwatch.health.adapter.in.ui;

import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import io.syncwatch.platform.shell.DateTimes;
import io.syncwatch.health.DetailedState;
import io.syncwatch.health.application.port.in.BulkActions;
import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.health.domain.RecommendedAction;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.integrations.ui.IntegrationPageSection;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.ConsoleRoutes;

/**
 * The status area at the top of the integration page: the message in full, the action for its
 * failure category as a button, last ran at / last data imported, and what to check (spec 001).
 */
@Component
class HealthStatusSection implements IntegrationPageSection {

    /** The integration page opens its Reconnect dialog when asked with this query parameter. */
    static final String RECONNECT_PATH = "?reconnect";

    private final HealthQueries queries;
    private final BulkActions actions;
    private final io.syncwatch.health.application.port.in.HealthUpdates updates;

    HealthStatusSection(HealthQueries queries, BulkActions actions,
            io.syncwatch.health.application.port.in.HealthUpdates updates) {
        this.queries = queries;
        this.actions = actions;
        this.updates = updates;
    }

    /**
     * The integration's health record changes on every run start, retry and finish and on every
     * lifecycle change (pause, resume, reconnect, edit), on this instance or another: the page
     * learns of each through the same server push as the Platforms tab.
     */
    @Override
    public Watch watch(IntegrationSnapshot integration, Runnable changed) {
        var subscription = updates.subscribe(integration.accountId(), integration.id(), changed);
        return subscription::close;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public com.vaadin.flow.component.Component render(IntegrationSnapshot integration) {
        var area = new Div();
        area.addClassNames("sw-card", "sw-health-status-area");
        area.setId("health-status-area");
        var record = queries.find(integration.accountId(), integration.id()).orElseGet(() -> HealthRecord.of(integration));
        var now = queries.now();
        var ui = UI.getCurrent();
        var format = DateTimes.forViewer(ui);
        DetailedState state = record.state();

        var badge = new Span(state.summary().label());
        badge.addClassNames("sw-status", "sw-status-" + state.summary().name().toLowerCase(Locale.ROOT));
        var title = new H3(state.label());
        var header = new HorizontalLayout(badge, title);
        if (record.running()) {
            var running = new Span("Running…");
            running.setId("health-running");
            running.getElement().setAttribute("theme", "badge contrast small");
            header.add(running);
        }
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        area.add(header);

        if (record.message() != null) {
            var message = new Paragraph(record.message());
            message.addClassName("sw-health-message");
            message.setId("health-message");
            area.add(message);
        } else if (state == DetailedState.WAITING_FOR_FIRST_RUN) {
            area.add(new Paragraph("Connected and scheduled (" + record.schedule().label().toLowerCase(Locale.ROOT)
                    + "); no run has finished yet." + (record.nextRunAt() == null ? ""
                            : " The first run is due " + format.format(record.nextRunAt(), now) + ".")));
        }
        if (state == DetailedState.QUALITY_ASSURANCE) {
            // spec 002: who acts next is our engineering team, not the customer
            var qa = new Paragraph("The first sync had problems, so the integration is stopped. Our engineering team "
                    + "has been notified, and we will contact you once we have resolved the issue and re-enabled the "
                    + "integration.");
            qa.setId("health-quality-assurance");
            area.add(qa);
        }
        if (record.recommendedAction() != null) {
            var todo = new Paragraph("What to do: " + record.recommendedAction());
            todo.setId("health-what-to-do");
            area.add(todo);
        }

        var times = new Paragraph("Last ran at: " + (record.lastRanAt() == null ? "Never" : format.format(record.lastRanAt(), now))
                + " · Last data imported: " + (record.lastDataImportedAt() != null
                        ? format.format(record.lastDataImportedAt(), now)
                        : record.lastRanAt() != null ? "No data" : "—"));
        times.setId("health-times");
        area.add(times);

        var action = actionFor(record);
        if (action != null) {
            area.add(action);
        }
        var checks = record.whatToCheck();
        if (!checks.isEmpty()) {
            var list = new UnorderedList();
            list.setId("health-what-to-check");
            checks.forEach(c -> list.add(new ListItem(c)));
            var heading = new Paragraph("What to check");
            heading.addClassName("sw-health-checks-heading");
            area.add(heading, list);
        }
        return area;
    }

    private com.vaadin.flow.component.@org.jspecify.annotations.Nullable Component actionFor(HealthRecord record) {
        var ids = java.util.List.of(record.integrationId());
        DetailedState state = record.state();
        if (state == DetailedState.QUALITY_ASSURANCE || state == DetailedState.DELETED) {
            return null; // our engineering team acts next (spec 002); a deleted integration has no action
        }
        if (state == DetailedState.AUTHENTICATION_FAILING || state == DetailedState.CREDENTIALS_INVALID
                || record.failureCategory() == FailureCategory.AUTHENTICATION_FAILED) {
            var link = new Anchor(ConsoleRoutes.integration(record.integrationId().value()) + RECONNECT_PATH,
                    "Reconnect");
            link.setId("health-action-reconnect");
            link.getElement().setAttribute("router-link", true);
            link.addClassName("sw-health-action");
            return link;
        }
        if (state == DetailedState.INACTIVE) {
            var resume = new Button("Resume", e -> report(actions.resume(ids), "Resumed"));
            resume.setId("health-action-resume");
            resume.addThemeVariants(ButtonVariant.PRIMARY);
            return resume;
        }
        if (state == DetailedState.SYNC_FAILING || state == DetailedState.SYNC_HAS_WARNINGS) {
            var run = new Button("Run now", e -> report(actions.runNow(ids), "Run started"));
            run.setId("health-action-run");
            run.addThemeVariants(ButtonVariant.PRIMARY);
            return run;
        }
        return null;
    }

    private static void report(BulkActions.Result result, String ok) {
        var problems = new java.util.ArrayList<>(result.failures());
        result.skipped().forEach(s -> problems.add(s.reason()));
        Notification.show(problems.isEmpty() ? ok : String.join("; ", problems));
    }
}
