package io.syncwatch.imports.adapter.in.ui;

import java.time.Clock;
import java.util.function.Supplier;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;

import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;

/**
 * An integration's import history: records imported per day over the last 30 days (a chart drawn
 * on the server), and its runs newest first, each opening its log.
 */
class ImportHistoryBlock extends ImportsBlock {

    private final ImportHistory history;
    private final AccountId account;
    private final Supplier<IntegrationSnapshot> integration;
    private final Grid<RunSummary> runs = new Grid<>();
    private final Div chart = new Div();

    ImportHistoryBlock(ImportHistory history, AccountId account, Clock clock, Supplier<IntegrationSnapshot> integration) {
        super("Import history: click a run to see its log.");
        this.history = history;
        this.account = account;
        this.integration = integration;
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
        runs.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        runs.setEmptyStateText("No import runs yet. The first one starts at the next scheduled time once the integration "
                + "is active; Run now starts one at once.");
        runs.setItems(query -> history.runs(account, integration.get().id(), query.getOffset(), query.getLimit()).stream());
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
        add(new H4("Records imported per day (last 30 days)"), chart, runs);
    }

    /** Reads the runs and the chart again (a run ended, a conversation was imported, the integration changed). */
    void refresh() {
        runs.getDataProvider().refreshAll();
        refreshChart();
    }

    private void refreshChart() {
        chart.removeAll();
        chart.add(new Html("<div style=\"width:100%\">"
                + DailyImportsChart.svg(history.dailyImports(account, integration.get().id(), 30)) + "</div>"));
    }
}
