package io.syncwatch.agentrequests.adapter.in.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.shell.NarrowScreen;
import io.syncwatch.platform.shell.ViewerZone;

/**
 * One tab of the API Status page, put together: summary strip, filters, new-requests banner, lazy
 * grid and CSV export, kept in step — grid, summary and export all read the same filters and time
 * range, in the viewer's time zone, and are read again together (Refresh, Show, a filter change).
 */
class RequestLogPanel extends VerticalLayout {

    static final String INVALID_RANGE = "Choose a valid time range: a From and a To, with To after From.";

    private final ViewerTime time = new ViewerTime();
    final RequestLogFilters filters;
    final ErrorSummaryStrip summary;
    final NewRequestsBanner newRequests;
    final RequestLogGrid grid;
    final RequestLogExport export;
    final Button refreshButton = new Button("Refresh");
    private final @Nullable NewRequestsWatch watch;
    private @Nullable Registration watching;

    RequestLogPanel(BrowseRequestLog log, AccountId account, LogTab tab, Clock clock) {
        this(log, account, tab, clock, null);
    }

    RequestLogPanel(BrowseRequestLog log, AccountId account, LogTab tab, Clock clock, @Nullable NewRequestsWatch watch) {
        this.watch = watch;
        setPadding(false);
        setSizeFull();
        filters = new RequestLogFilters(tab, clock, time);
        summary = new ErrorSummaryStrip(log, account, filters.errorFilter::setValue);
        newRequests = new NewRequestsBanner(log, account, clock, this::refresh);
        grid = new RequestLogGrid(log, account, tab, clock, time, filters::query);
        export = new RequestLogExport(log, account, filters, time);

        refreshButton.setId("refresh");
        refreshButton.setTooltipText("Read the requests again (new ones included)");
        refreshButton.addClickListener(e -> refresh());
        filters.add(refreshButton, export.anchor);
        filters.onChange(this::refresh);

        // below 600 px the error counts and the filters fold away (one tap opens them) so the rows stay in view
        var summaryFold = new Details("Errors by type", summary);
        summaryFold.setId("error-summary-fold");
        summaryFold.setOpened(true);
        summaryFold.setWidthFull();
        var filtersFold = new Details("Filters and search", filters);
        filtersFold.setId("filters-fold");
        filtersFold.setOpened(true);
        filtersFold.setWidthFull();
        NarrowScreen.follow(this, narrow -> {
            grid.narrow(narrow);
            summaryFold.setOpened(!narrow);
            filtersFold.setOpened(!narrow);
        });
        add(summaryFold, filtersFold, newRequests, grid);
        setFlexGrow(1, grid);
        refreshSummary();
        markShown();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        time.set(time.zone(), ui.getLocale());
        filters.localize(time.times());
        useZone(ViewerZone.of(ui));
        // the first page of a session may render before the browser reported its zone
        ui.getPage().retrieveExtendedClientDetails(details -> useZone(ViewerZone.of(ui)));
        if (watch != null && watching == null) {
            watching = watch.watch(ui, this::checkForNew);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watching != null) {
            watching.remove();
            watching = null;
        }
        super.onDetach(event);
    }

    /**
     * Offers the requests of the tab's filters logged since the rows were read in a banner ("3 new
     * requests — Show"); the rows under the reader stay where they are.
     */
    void checkForNew() {
        Optional<LogQuery> current = filters.query();
        if (current.isEmpty() || filters.fixedRange()) {
            newRequests.setVisible(false); // a custom range is fixed: nothing arrives in it by itself
            return;
        }
        newRequests.check(current.get());
    }

    /** Reads custom ranges in, and shows times in, this zone. */
    void useZone(ZoneId viewerZone) {
        if (viewerZone.equals(time.zone())) {
            return;
        }
        UI ui = UI.getCurrent();
        time.set(viewerZone, ui == null ? Locale.US : ui.getLocale());
        filters.zoneChanged();
        grid.zoneChanged();
        refresh();
    }

    /** Where a preset range's window ends until the next Refresh / Show / filter change. */
    Instant pinnedTo() {
        return filters.pinnedTo();
    }

    /** Remembers when the rows were read (a preset range's window ends then). */
    private void markShown() {
        filters.pin();
        newRequests.markShown(filters.query());
    }

    private void refresh() {
        markShown();
        newRequests.setVisible(false);
        filters.validateRange();
        export.anchor.setEnabled(filters.query().isPresent());
        grid.getDataProvider().refreshAll();
        refreshSummary();
    }

    private void refreshSummary() {
        Optional<LogQuery> query = filters.query();
        if (query.isEmpty()) {
            summary.invalidRange();
            grid.setEmptyStateText(INVALID_RANGE);
            return;
        }
        grid.setEmptyStateText(filters.emptyText(query.get()));
        summary.show(query.get(), filters.rangeText());
    }
}
