package io.syncwatch.health.adapter.in.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import io.syncwatch.health.application.port.in.BulkActions;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.integrations.IntegrationId;

/**
 * The Platforms tab's bulk actions on the selected rows (Pause, Resume, Run now), enabled while a
 * row is selected; the outcome, with what was skipped and why, is said in a notification.
 */
final class PlatformBulkActions {

    final Button pause = new Button("Pause", VaadinIcon.PAUSE.create());
    final Button resume = new Button("Resume", VaadinIcon.PLAY.create());
    final Button runNow = new Button("Run now", VaadinIcon.REFRESH.create());
    private final Grid<HealthRecord> grid;

    PlatformBulkActions(BulkActions bulk, Grid<HealthRecord> grid) {
        this.grid = grid;
        pause.setId("health-bulk-pause");
        resume.setId("health-bulk-resume");
        runNow.setId("health-bulk-run");
        pause.addClickListener(e -> done("paused", bulk.pause(selectedIds())));
        resume.addClickListener(e -> done("resumed", bulk.resume(selectedIds())));
        runNow.addClickListener(e -> done("started", bulk.runNow(selectedIds())));
        for (Button b : List.of(pause, resume, runNow)) {
            b.addThemeVariants(ButtonVariant.SMALL);
            b.setEnabled(false);
        }
        grid.addSelectionListener(e -> {
            boolean any = !e.getAllSelectedItems().isEmpty();
            pause.setEnabled(any);
            resume.setEnabled(any);
            runNow.setEnabled(any);
        });
    }

    private List<IntegrationId> selectedIds() {
        return grid.getSelectedItems().stream().map(HealthRecord::integrationId).toList();
    }

    private void done(String verb, BulkActions.Result result) {
        var n = Notification.show(message(verb, result), 8000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(result.failures().isEmpty() && result.skipped().isEmpty()
                ? NotificationVariant.SUCCESS
                : NotificationVariant.WARNING);
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    /** "2 integrations resumed; 1 skipped (Credentials invalid: reconnect …): Support EU; not done: …" */
    static String message(String verb, BulkActions.Result result) {
        var text = new StringBuilder().append(result.succeeded()).append(" integration")
                .append(result.succeeded() == 1 ? "" : "s").append(' ').append(verb);
        var byReason = new LinkedHashMap<String, List<String>>();
        result.skipped().forEach(s -> byReason.computeIfAbsent(s.reason(), r -> new ArrayList<>()).add(s.integration()));
        byReason.forEach((reason, names) -> text.append("; ").append(names.size()).append(" skipped (").append(reason)
                .append("): ").append(String.join(", ", names)));
        if (!result.failures().isEmpty()) {
            text.append("; not done: ").append(String.join("; ", result.failures()));
        }
        return text.toString();
    }
}
