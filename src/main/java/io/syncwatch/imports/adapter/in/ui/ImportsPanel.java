package io.syncwatch.imports.adapter.in.ui;

import com.vaadin.flow.data.binder.Binder;
import io.syncwatch.imports.ImportRefusal;
import io.syncwatch.imports.ImportRefusal.InvalidImportInput;
import io.syncwatch.platform.shell.Forms;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.shared.Registration;

import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.application.port.in.SingleImportAnswer;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;

/**
 * The imports block rendered on one integration's page. Live: when the page learns the integration
 * changed, it refreshes the history and chart and enables or disables its actions in place
 * (keeping what the user typed and the run it follows).
 */
class ImportsPanel extends VerticalLayout implements io.syncwatch.integrations.ui.IntegrationPageSection.Live {

    private IntegrationSnapshot integration;
    private final Button runNowButton = new Button("Run now");
    private final Button importOneButton = new Button("Import conversation");
    private final Button backfillButton = new Button("Start backfill");
    /** Why the actions are disabled, in words (also their tooltip): reachable by keyboard, touch and screen reader. */
    private final Span notRunnable = new Span();
    private boolean following;
    private final AccountId account;
    private final String actor;
    private final ManualImports manual;
    private final ImportHistory history;
    private final Clock clock;
    private final Grid<RunSummary> runs = new Grid<>();
    private final Div chart = new Div();
    private @Nullable Registration polling;

    ImportsPanel(IntegrationSnapshot integration, AccountId account, String actor, ManualImports manual,
            ImportHistory history, Clock clock) {
        this.integration = integration;
        this.account = account;
        this.actor = actor;
        this.manual = manual;
        this.history = history;
        this.clock = clock;
        addClassName("sw-imports-section");
        setPadding(false);
        add(new H3("Imports"));
        notRunnable.setId("imports-not-runnable");
        notRunnable.addClassName("sw-imports-not-runnable");
        add(notRunnable, runNow(), importOne(), backfill(), historyBlock());
        addDetachListener(e -> stopPolling());
        updateActions();
    }

    @Override
    public void integrationChanged(IntegrationSnapshot changed) {
        this.integration = changed;
        updateActions();
        runs.getDataProvider().refreshAll();
        refreshChart();
    }

    /** Actions that cannot work are disabled, and say why (setup, paused, held, deleted). */
    private void updateActions() {
        var why = integration.whyItCannotRun();
        notRunnable.setText(why.map(w -> w + ".").orElse(""));
        notRunnable.setVisible(why.isPresent());
        for (Button b : java.util.List.of(runNowButton, importOneButton, backfillButton)) {
            boolean busy = following && b != importOneButton;
            b.setEnabled(why.isEmpty() && !busy);
            b.setTooltipText(why.orElse(null));
        }
    }

    // --- Run now

    private VerticalLayout runNow() {
        var button = runNowButton;
        button.setId("imports-run-now");
        button.addThemeVariants(ButtonVariant.PRIMARY);
        var progress = new ProgressBar();
        progress.setId("imports-run-progress");
        progress.setVisible(false);
        var result = new Span();
        result.setId("imports-run-result");
        button.addClickListener(e -> {
            try {
                ImportRunId run = manual.runNow(account, integration.id(), actor);
                button.setEnabled(false);
                result.setText("Importing…");
                following = true;
                follow(run, progress, result, done -> {
                    following = false;
                    updateActions();
                });
            } catch (ImportRefusal ex) {
                result.setText(ex.getMessage());
            }
        });
        var row = new HorizontalLayout(button, result);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        // a run stopped by a shutdown (or left by a crashed instance) waits for the scheduler to resume it:
        // say so, and let Run now resume it at once
        history.runs(account, integration.id(), 0, 1).stream().filter(RunSummary::interrupted).findFirst()
                .ifPresent(waiting -> {
                    result.setText(RunSummary.INTERRUPTED + "; saved so far: " + Formats.counts(waiting.counts())
                            + ". Run now resumes it at once");
                    result.getElement().setAttribute("data-outcome", "INTERRUPTED");
                });
        return block("Run a whole import now instead of waiting for the next scheduled run.", row, progress);
    }

    // --- Import one conversation

    private VerticalLayout importOne() {
        var label = manual.singleImportReferenceLabel(integration.platform());
        if (label.isEmpty()) {
            return block("This platform does not support importing a single conversation.");
        }
        var reference = new TextField(label.get());
        reference.setId("imports-one-reference");
        // no made-up example: a number that every filter excludes only misleads
        reference.setHelperText("The " + label.get() + " as the source platform shows it");
        var button = importOneButton;
        button.setId("imports-one-button");
        var answer = new Span();
        answer.setId("imports-one-answer");
        Binder<OneConversation> form = Forms.binder(OneConversation.class);
        form.forField(reference).withValidator(Forms.rule(v -> v == null || v.isBlank() ? "Enter the " + label.get() + " first" : null))
                .bind("reference");
        button.addClickListener(e -> Forms.record(form).ifPresent(one -> {
            SingleImportAnswer a;
            try {
                a = manual.importOne(account, integration.id(), one.reference(), actor);
            } catch (InvalidImportInput ex) {
                Forms.showRefusal(form, ex);
                return;
            } catch (ImportRefusal ex) {
                answer.setText(ex.getMessage());
                answer.getElement().getThemeList().clear();
                answer.getElement().getThemeList().add("badge error");
                answer.getElement().setAttribute("data-kind", "REFUSED");
                return;
            }
            answer.setText(a.message());
            answer.getElement().getThemeList().clear();
            answer.getElement().getThemeList().add("badge " + switch (a.kind()) {
                case IMPORTED, REFRESHED, ALREADY_PRESENT -> "success";
                case NOT_FOUND, EXCLUDED_BY_FILTER -> "contrast";
                case NOT_SUPPORTED, FAILED -> "error";
            });
            answer.getElement().setAttribute("data-kind", a.kind().name());
            runs.getDataProvider().refreshAll();
            refreshChart();
        }));
        var row = new HorizontalLayout(reference, button);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return block("Import one conversation by its source reference to see exactly what happens to it.", row, answer);
    }

    // --- Backfill

    private VerticalLayout backfill() {
        var from = io.syncwatch.platform.shell.DateTimes.forViewer(com.vaadin.flow.component.UI.getCurrent())
                .localize(new DatePicker("Start date"));
        from.setId("imports-backfill-from");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        from.setMax(today);
        var start = backfillButton;
        start.setId("imports-backfill-start");
        var cancel = new Button("Cancel");
        cancel.setId("imports-backfill-cancel");
        cancel.setVisible(false);
        var progress = new ProgressBar(0, 1);
        progress.setId("imports-backfill-progress");
        progress.setVisible(false);
        var status = new Span();
        status.setId("imports-backfill-status");
        ImportRunId[] current = new ImportRunId[1];
        Binder<Backfill> form = Forms.binder(Backfill.class);
        form.forField(from).withValidator(Forms.rule(d -> d == null ? "Choose a start date"
                : d.isAfter(today) ? "The backfill start date must not be in the future" : null)).bind("from");
        form.readRecord(new Backfill(today.minusDays(30)));
        start.addClickListener(e -> Forms.record(form).ifPresent(backfill -> {
            try {
                current[0] = manual.startBackfill(account, integration.id(), backfill.from(), actor);
                start.setEnabled(false);
                cancel.setVisible(true);
                status.setText("Backfill running…");
                following = true;
                follow(current[0], progress, status, done -> {
                    following = false;
                    updateActions();
                    cancel.setVisible(false);
                });
            } catch (InvalidImportInput ex) {
                Forms.showRefusal(form, ex);
            } catch (ImportRefusal ex) {
                status.setText(ex.getMessage());
            }
        }));
        cancel.addClickListener(e -> {
            if (current[0] != null && manual.cancel(account, current[0], actor)) {
                status.setText("Cancelling after the current page…");
            }
        });
        var row = new HorizontalLayout(from, start, cancel);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return block("After a filter change, re-read conversations since a date with the current filters.", row,
                progress, status);
    }

    // --- History

    private VerticalLayout historyBlock() {
        runs.setId("imports-history");
        runs.addColumn(r -> Formats.when(r.startedAt())).setHeader("Started").setAutoWidth(true);
        runs.addColumn(r -> Formats.duration(r.duration(clock.instant()))).setHeader("Duration").setAutoWidth(true);
        runs.addColumn(r -> r.trigger().label()).setHeader("Trigger").setAutoWidth(true);
        runs.addColumn(r -> r.running() ? "Running" : r.interrupted() ? RunSummary.INTERRUPTED
                : Formats.outcome(r.outcome(), r.failureCategory())).setHeader("Outcome")
                .setAutoWidth(true);
        runs.addColumn(r -> Formats.counts(r.counts())).setHeader("Counts").setWidth("12rem").setFlexGrow(1);
        runs.addColumn(r -> r.message() == null ? "" : r.message()).setHeader("Message").setWidth("14rem").setFlexGrow(2);
        // long counts and messages wrap in their cells rather than push the table sideways
        runs.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        runs.setEmptyStateText("No import runs yet. The first one starts at the next scheduled time once the integration "
                + "is active; Run now starts one at once.");
        runs.setItems(query -> history.runs(account, integration.id(), query.getOffset(), query.getLimit()).stream());
        runs.setItemDetailsRenderer(new ComponentRenderer<>(run -> {
            var lines = new VerticalLayout();
            lines.setSpacing(false);
            lines.addClassName("sw-imports-log");
            history.logLines(account, run.id()).forEach(l -> lines.add(new Span(Formats.when(l.at()) + "  " + l.level()
                    + "  " + l.message())));
            return lines;
        }));
        runs.setDetailsVisibleOnClick(true);
        runs.setAllRowsVisible(false);
        runs.setHeight("320px");
        chart.setId("imports-chart");
        chart.setWidthFull(); // the chart scales to the page's width (it was a 300 px default before)
        refreshChart();
        return block("Import history: click a run to see its log.", new H4("Records imported per day (last 30 days)"),
                chart, runs);
    }

    private void refreshChart() {
        chart.removeAll();
        chart.add(new Html("<div style=\"width:100%\">" + DailyImportsChart.svg(history.dailyImports(account, integration.id(), 30)) + "</div>"));
    }

    // --- following a run

    /** Shows the run's progress until it ends (UI polling), then its result. */
    void follow(ImportRunId run, ProgressBar progress, Span result, Consumer<RunSummary> done) {
        progress.setVisible(true);
        progress.setIndeterminate(false);
        progress.setValue(0);
        stopPolling();
        UI ui = UI.getCurrent();
        ui.setPollInterval(1000);
        polling = ui.addPollListener(e -> update(run, progress, result, done));
        update(run, progress, result, done);
    }

    private void update(ImportRunId run, ProgressBar progress, Span result, Consumer<RunSummary> done) {
        var summary = manual.run(account, run).orElse(null);
        if (summary == null) {
            return;
        }
        progress.setValue(Math.max(0, Math.min(1, summary.progress())));
        if (summary.running()) {
            result.setText("Running: " + Formats.counts(summary.counts()));
            return;
        }
        if (summary.interrupted()) {
            result.setText(RunSummary.INTERRUPTED + "; saved so far: " + Formats.counts(summary.counts()));
            return;
        }
        stopPolling();
        progress.setVisible(false);
        RunOutcome outcome = summary.outcome();
        result.setText((outcome == null ? "Finished" : Formats.outcome(outcome, summary.failureCategory())) + ": "
                + summary.message());
        result.getElement().setAttribute("data-outcome", outcome == null ? "" : outcome.name());
        runs.getDataProvider().refreshAll();
        refreshChart();
        done.accept(summary);
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            UI ui = getUI().orElse(UI.getCurrent());
            if (ui != null) {
                ui.setPollInterval(-1);
            }
        }
    }

    private static VerticalLayout block(String explanation, com.vaadin.flow.component.Component... content) {
        var block = new VerticalLayout();
        block.setPadding(false);
        block.addClassName("sw-imports-block");
        var text = new Span(explanation);
        text.addClassName("sw-imports-explanation");
        block.add(text);
        block.add(content);
        return block;
    }

    /** Import one conversation: its reference at the source. */
    public record OneConversation(String reference) {
    }

    /** Backfill: the start date. */
    public record Backfill(@org.jspecify.annotations.Nullable LocalDate from) {
    }
}
