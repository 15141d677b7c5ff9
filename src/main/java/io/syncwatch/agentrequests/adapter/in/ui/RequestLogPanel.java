package io.syncwatch.agentrequests.adapter.in.ui;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.ErrorDisplay;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.RequestErrorCode;
import io.syncwatch.platform.AccountId;

/**
 * One tab of the API Status page: summary strip, filters, lazy grid and CSV export. The export
 * streams every filtered row, read in keyset chunks.
 */
class RequestLogPanel extends VerticalLayout {

    static final String ANY = "";
    /** Rows read from the database per chunk while exporting. */
    static final int EXPORT_CHUNK_ROWS = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final BrowseRequestLog log;
    private final AccountId account;
    private final LogTab tab;
    private final Clock clock;

    final Select<String> errorFilter = new Select<>();
    final Select<String> kindFilter = new Select<>();
    final Select<TimeRange> rangeFilter = new Select<>();
    final TextField search = new TextField();
    final Grid<LoggedRequest> grid = new Grid<>();
    final HorizontalLayout summary = new HorizontalLayout();
    final Anchor export;
    /** Rows per database read while exporting; small in tests. */
    int exportChunkRows = EXPORT_CHUNK_ROWS;

    RequestLogPanel(BrowseRequestLog log, AccountId account, LogTab tab, Clock clock) {
        this.log = log;
        this.account = account;
        this.tab = tab;
        this.clock = clock;
        setPadding(false);
        setSizeFull();

        summary.addClassName("sw-agentrequests-summary");
        summary.setId("error-summary");
        summary.getStyle().set("flex-wrap", "wrap");

        errorFilter.setLabel("Error type");
        errorFilter.setId("error-filter");
        List<String> codes = new java.util.ArrayList<>();
        codes.add(ANY);
        Arrays.stream(RequestErrorCode.values()).map(Enum::name).forEach(codes::add);
        codes.add(LoggedRequest.MALFORMED);
        errorFilter.setItems(codes);
        errorFilter.setItemLabelGenerator(c -> c.isEmpty() ? "All errors" : ErrorDisplay.textOf(c));
        errorFilter.setValue(ANY);

        kindFilter.setLabel("Key kind");
        kindFilter.setId("kind-filter");
        kindFilter.setItems(ANY, KeyKind.TEST.name(), KeyKind.PRODUCTION.name());
        kindFilter.setItemLabelGenerator(k -> k.isEmpty() ? "Test and production" : KeyKind.valueOf(k).label());
        kindFilter.setValue(ANY);

        rangeFilter.setLabel("Time range");
        rangeFilter.setId("range-filter");
        rangeFilter.setItems(TimeRange.values());
        rangeFilter.setItemLabelGenerator(r -> r.label);
        rangeFilter.setValue(TimeRange.LAST_7_DAYS);

        search.setLabel("Search");
        search.setPlaceholder("Employee email or reference");
        search.setId("search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);

        export = new Anchor(downloadHandler(), "Export CSV");
        export.setId("export-csv");
        export.setTitle("Every filtered row, newest first");
        export.getElement().setAttribute("download", true);

        var filters = new HorizontalLayout(errorFilter, kindFilter, rangeFilter, search, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setId("request-grid");
        grid.addColumn(r -> TIME.format(r.createdAt())).setHeader("Time (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(RequestLogPanel::keyCell).setHeader("Key").setAutoWidth(true);
        if (tab == LogTab.TEST) {
            grid.addColumn(r -> r.failed() ? "Invalid" : "Accepted").setHeader("Outcome").setAutoWidth(true);
        }
        grid.addColumn(RequestLogPanel::primaryError).setHeader("Error").setAutoWidth(true);
        grid.addColumn(r -> nz(r.request().employeeEmail())).setHeader("Employee email").setAutoWidth(true);
        grid.addColumn(r -> nz(r.request().customerName()) + (r.request().customerEmail() == null ? "" : " <" + r.request().customerEmail() + ">"))
                .setHeader("Customer").setAutoWidth(true);
        grid.addColumn(r -> nz(r.request().channel())).setHeader("Channel").setAutoWidth(true);
        grid.addColumn(r -> nz(r.request().brand())).setHeader("Brand").setAutoWidth(true);
        grid.addColumn(r -> nz(r.request().language())).setHeader("Language").setAutoWidth(true);
        grid.addColumn(r -> nz(r.request().reference())).setHeader("Reference").setAutoWidth(true);
        grid.setItems(query -> log.page(account, query(), query.getOffset(), query.getLimit()).stream());
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(
                r -> UI.getCurrent().navigate(RequestDetailView.class, new com.vaadin.flow.router.RouteParameters("requestId", r.requestId()))));
        grid.setEmptyStateText(tab == LogTab.INVALID ? "No invalid requests in this range." : "No test requests in this range.");

        errorFilter.addValueChangeListener(e -> refresh());
        kindFilter.addValueChangeListener(e -> refresh());
        rangeFilter.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());

        add(summary, filters, grid);
        setFlexGrow(1, grid);
        refreshSummary();
    }

    LogQuery query() {
        Instant to = clock.instant().plusSeconds(1);
        Instant from = to.minus(rangeFilter.getValue().length);
        String kind = kindFilter.getValue();
        return new LogQuery(tab, errorFilter.getValue(), kind == null || kind.isEmpty() ? null : KeyKind.valueOf(kind), from, to,
                search.getValue());
    }

    /** The export's file name: tab and range. */
    String exportFileName() {
        return tab.name().toLowerCase(java.util.Locale.ROOT) + "-requests-" + rangeFilter.getValue().slug + ".csv";
    }

    DownloadHandler downloadHandler() {
        return this::download;
    }

    /**
     * The download: reads the filters under the session lock (the handler runs without it), then
     * streams the CSV as the rows are read, chunk by chunk, without holding the lock.
     */
    private void download(DownloadEvent event) throws IOException {
        var query = new AtomicReference<LogQuery>();
        var name = new AtomicReference<String>("");
        event.getSession().accessSynchronously(() -> {
            query.set(query());
            name.set(exportFileName());
        });
        event.setFileName(name.get());
        event.setContentType("text/csv; charset=UTF-8");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
            writeCsv(query.get(), out);
        }
    }

    /** Writes the CSV of the current filters (for the download and tests). */
    void writeCsv(Writer out) throws IOException {
        writeCsv(query(), out);
    }

    private void writeCsv(LogQuery query, Writer out) throws IOException {
        RequestLogCsv.writeHeader(out);
        try {
            log.forEach(account, query, exportChunkRows, r -> {
                try {
                    RequestLogCsv.writeRow(out, r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the browser went away: stop reading
        }
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        refreshSummary();
    }

    private void refreshSummary() {
        summary.removeAll();
        LogQuery q = query();
        Map<String, Long> counts = log.invalidCountsByError(account, q.from(), q.to());
        if (counts.isEmpty()) {
            summary.add(new Span("No invalid requests in " + rangeFilter.getValue().label.toLowerCase() + "."));
            return;
        }
        List<String> order = new java.util.ArrayList<>(Arrays.stream(RequestErrorCode.values()).map(Enum::name).toList());
        order.add(LoggedRequest.MALFORMED);
        for (String code : order) {
            Long n = counts.get(code);
            if (n != null) {
                Span badge = new Span(ErrorDisplay.textOf(code) + ": " + n);
                badge.getElement().getThemeList().add("badge error");
                badge.getElement().setAttribute("data-code", code);
                summary.add(badge);
            }
        }
    }

    static String primaryError(LoggedRequest r) {
        List<String> codes = r.errorCodes();
        if (codes.isEmpty()) {
            return "";
        }
        return ErrorDisplay.textOf(codes.getFirst()) + (codes.size() > 1 ? " +" + (codes.size() - 1) + " more" : "");
    }

    private static Component keyCell(LoggedRequest r) {
        Span badge = new Span(r.keyKind().label());
        badge.getElement().getThemeList().add(r.keyKind() == KeyKind.TEST ? "badge contrast small" : "badge success small");
        Div cell = new Div(new Span(r.keyName() + " "), badge);
        return cell;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
