package io.syncwatch.agentrequests.adapter.in.ui;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
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
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.shell.DateTimes;
import io.syncwatch.platform.shell.ViewerZone;

/**
 * One tab of the API Status page: summary strip, filters, lazy grid and CSV export. The time range
 * is a preset ending now or a custom from/to in the viewer's time zone; grid, summary and export
 * all use the same range. The export streams every filtered row, read in keyset chunks.
 */
class RequestLogPanel extends VerticalLayout {

    static final String ANY = "";
    /** Rows read from the database per chunk while exporting. */
    static final int EXPORT_CHUNK_ROWS = 500;
    static final String INVALID_RANGE = "Choose a valid time range: a From and a To, with To after From.";
    private static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm");

    private final BrowseRequestLog log;
    private final AccountId account;
    private final LogTab tab;
    private final Clock clock;

    final Select<String> errorFilter = new Select<>();
    final Select<String> kindFilter = new Select<>();
    final Select<TimeRange> rangeFilter = new Select<>();
    final DateTimePicker rangeFrom = new DateTimePicker("From");
    final DateTimePicker rangeTo = new DateTimePicker("To");
    final TextField search = new TextField();
    final Grid<LoggedRequest> grid = new Grid<>();
    final HorizontalLayout summary = new HorizontalLayout();
    final Anchor export;
    private final Grid.Column<LoggedRequest> timeColumn;
    /** The viewer's time zone: custom ranges are read and times shown in it. */
    private ZoneId zone = ZoneOffset.UTC;
    /** The console's one formatter, in the viewer's zone and locale (grid, range text, export). */
    private DateTimes times = new DateTimes(ZoneOffset.UTC, java.util.Locale.US);
    /** Rows per database read while exporting; small in tests. */
    int exportChunkRows = EXPORT_CHUNK_ROWS;
    /** Most new requests counted for the banner ("100+ new requests"). */
    static final int NEW_REQUESTS_CAP = 100;
    final com.vaadin.flow.component.button.Button refreshButton = new com.vaadin.flow.component.button.Button("Refresh");
    final Span newRequestsText = new Span();
    final com.vaadin.flow.component.button.Button showNew = new com.vaadin.flow.component.button.Button("Show");
    final HorizontalLayout newRequests = new HorizontalLayout(newRequestsText, showNew);
    /**
     * When the rows shown were read, to the whole second (MariaDB keeps whole seconds), and the
     * requests of that second already known then: requests logged since, and not known, are "new".
     */
    private Instant shownAt;
    private java.util.Set<String> knownAtShownAt = java.util.Set.of();
    /** The end of a preset range: fixed when the rows were read (Refresh, Show, a filter change). */
    private Instant pinnedTo;
    private final @Nullable NewRequestsWatch watch;
    private com.vaadin.flow.shared.@Nullable Registration watching;

    RequestLogPanel(BrowseRequestLog log, AccountId account, LogTab tab, Clock clock) {
        this(log, account, tab, clock, null);
    }

    RequestLogPanel(BrowseRequestLog log, AccountId account, LogTab tab, Clock clock, @Nullable NewRequestsWatch watch) {
        this.watch = watch;
        this.shownAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.pinnedTo = clock.instant().plusSeconds(1);
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
        codes.addAll(ErrorDisplay.STORED_CODES);
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
        for (DateTimePicker picker : List.of(rangeFrom, rangeTo)) {
            picker.setVisible(false);
            // the panel validates the pair itself (from before to)
            picker.setManualValidation(true);
        }
        rangeFrom.setId("range-from");
        rangeTo.setId("range-to");
        rangeFrom.setHelperText("Time zone: UTC");

        search.setLabel("Search");
        search.setPlaceholder("Employee email or reference");
        search.setId("search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);

        export = new Anchor(downloadHandler(), "Export CSV");
        export.setId("export-csv");
        export.setTitle("Every filtered row, newest first");
        export.getElement().setAttribute("download", true);

        refreshButton.setId("refresh");
        refreshButton.setTooltipText("Read the requests again (new ones included)");
        refreshButton.addClickListener(e -> refresh());
        newRequests.setId("new-requests");
        newRequests.addClassName("sw-new-requests");
        newRequests.setAlignItems(FlexComponent.Alignment.BASELINE);
        newRequests.getElement().setAttribute("role", "status");
        newRequestsText.setId("new-requests-text");
        showNew.setId("new-requests-show");
        showNew.addClickListener(e -> refresh());
        newRequests.setVisible(false);

        // the Test Requests tab lists test-key requests only: a key-kind choice there would mislead
        kindFilter.setVisible(tab != LogTab.TEST);
        var filters = new HorizontalLayout(errorFilter, kindFilter, rangeFilter, rangeFrom, rangeTo, search, refreshButton,
                export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setId("request-grid");
        timeColumn = grid.addColumn(r -> times.format(r.createdAt(), clock.instant())).setHeader(timeHeader()).setAutoWidth(true)
                .setFlexGrow(0);
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
        grid.setItems(query -> {
            int offset = query.getOffset();
            int limit = query.getLimit(); // read even for no rows: the grid insists
            Optional<LogQuery> q = query();
            return q.isEmpty() ? java.util.stream.Stream.empty() : log.page(account, q.get(), offset, limit).stream();
        });
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(
                r -> UI.getCurrent().navigate(RequestDetailView.class, new com.vaadin.flow.router.RouteParameters("requestId", r.requestId()))));

        errorFilter.addValueChangeListener(e -> refresh());
        kindFilter.addValueChangeListener(e -> refresh());
        rangeFilter.addValueChangeListener(e -> rangeChanged(e.getOldValue()));
        rangeFrom.addValueChangeListener(e -> refresh());
        rangeTo.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());

        add(summary, filters, newRequests, grid);
        setFlexGrow(1, grid);
        refreshSummary();
        markShown();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        times = new DateTimes(zone, ui.getLocale());
        times.localize(rangeFrom);
        times.localize(rangeTo);
        useZone(ViewerZone.of(ui));
        // the first page of a session may render before the browser reported its zone
        ui.getPage().retrieveExtendedClientDetails(details -> useZone(ViewerZone.of(ui)));
        if (watch != null && watching == null) {
            watching = watch.watch(ui, this::checkForNew);
        }
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (watching != null) {
            watching.remove();
            watching = null;
        }
        super.onDetach(event);
    }

    /**
     * Counts the requests of the tab's filters logged since the rows were read, and offers them
     * in a banner ("3 new requests — Show"); the rows under the reader stay where they are.
     */
    void checkForNew() {
        Optional<LogQuery> current = query();
        if (current.isEmpty() || rangeFilter.getValue().length == null) {
            newRequests.setVisible(false); // a custom range is fixed: nothing arrives in it by itself
            return;
        }
        int n = (int) sinceShown(current.get()).stream().filter(r -> !knownAtShownAt.contains(r.requestId())).count();
        newRequests.setVisible(n > 0);
        if (n > 0) {
            newRequestsText.setText((n > NEW_REQUESTS_CAP ? NEW_REQUESTS_CAP + "+" : String.valueOf(n))
                    + (n == 1 ? " new request" : " new requests") + " since this list was read");
        }
    }

    /** Reads custom ranges in, and shows times in, this zone. */
    void useZone(ZoneId viewerZone) {
        if (viewerZone.equals(zone)) {
            return;
        }
        zone = viewerZone;
        UI ui = UI.getCurrent();
        times = new DateTimes(zone, ui == null ? java.util.Locale.US : ui.getLocale());
        times.localize(rangeFrom);
        times.localize(rangeTo);
        timeColumn.setHeader(timeHeader());
        rangeFrom.setHelperText("Time zone: " + zone.getId());
        refresh();
    }

    private String timeHeader() {
        return "Time (" + times.zoneLabel() + ")";
    }

    /** The filters as a query; empty while the custom range is incomplete or not in order. */
    Optional<LogQuery> query() {
        TimeRange range = rangeFilter.getValue();
        Instant from;
        Instant to;
        if (range.length == null) {
            LocalDateTime start = rangeFrom.getValue();
            LocalDateTime end = rangeTo.getValue();
            if (start == null || end == null || !start.isBefore(end)) {
                return Optional.empty();
            }
            from = start.atZone(zone).toInstant();
            to = end.atZone(zone).toInstant();
            if (!from.isBefore(to)) { // a daylight-saving gap or overlap can fold the two together
                return Optional.empty();
            }
        } else {
            // the window ends when the rows were read: the grid's rows stay put while it scrolls; newer
            // requests wait in the "N new requests — Show" banner until the reader asks for them
            to = pinnedTo;
            from = to.minus(range.length);
        }
        String kind = kindFilter.getValue();
        return Optional.of(new LogQuery(tab, errorFilter.getValue(), kind == null || kind.isEmpty() ? null : KeyKind.valueOf(kind), from,
                to, search.getValue()));
    }

    /** Switching to the custom range starts it as the range shown before, so the grid does not jump. */
    private void rangeChanged(@Nullable TimeRange previous) {
        boolean custom = rangeFilter.getValue() == TimeRange.CUSTOM;
        rangeFrom.setVisible(custom);
        rangeTo.setVisible(custom);
        if (custom && rangeFrom.getValue() == null && rangeTo.getValue() == null) {
            LocalDateTime end = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            var length = previous == null || previous.length == null ? TimeRange.LAST_7_DAYS.length : previous.length;
            rangeTo.setValue(end);
            rangeFrom.setValue(LocalDateTime.ofInstant(end.atZone(zone).toInstant().minus(length), zone));
        }
        refresh();
    }

    /** Marks the custom range's fields: both needed, from before to. */
    private void validateRange() {
        rangeFrom.setInvalid(false);
        rangeTo.setInvalid(false);
        if (rangeFilter.getValue() != TimeRange.CUSTOM) {
            return;
        }
        if (rangeFrom.getValue() == null) {
            rangeFrom.setErrorMessage("Enter the start of the range.");
            rangeFrom.setInvalid(true);
        }
        if (rangeTo.getValue() == null) {
            rangeTo.setErrorMessage("Enter the end of the range.");
            rangeTo.setInvalid(true);
        }
        if (rangeFrom.getValue() != null && rangeTo.getValue() != null && query().isEmpty()) {
            rangeTo.setErrorMessage("“To” must be after “From”.");
            rangeTo.setInvalid(true);
        }
    }

    /** The export's file name: tab and range. */
    String exportFileName() {
        TimeRange range = rangeFilter.getValue();
        String name = tab.name().toLowerCase(java.util.Locale.ROOT) + "-requests-";
        if (range.length != null) {
            return name + range.slug + ".csv";
        }
        LocalDateTime start = rangeFrom.getValue();
        LocalDateTime end = rangeTo.getValue();
        return name + (start == null ? "" : FILE.format(start)) + "-to-" + (end == null ? "" : FILE.format(end)) + ".csv";
    }

    DownloadHandler downloadHandler() {
        return this::download;
    }

    /**
     * The download: reads the filters under the session lock (the handler runs without it), then
     * streams the CSV as the rows are read, chunk by chunk, without holding the lock.
     */
    private void download(DownloadEvent event) throws IOException {
        var query = new AtomicReference<Optional<LogQuery>>(Optional.empty());
        var name = new AtomicReference<String>("");
        var csvTimes = new AtomicReference<DateTimes>(times);
        event.getSession().accessSynchronously(() -> {
            query.set(query());
            name.set(exportFileName());
            csvTimes.set(times);
        });
        if (query.get().isEmpty()) {
            event.getResponse().sendError(400, INVALID_RANGE);
            return;
        }
        event.setFileName(name.get());
        event.setContentType("text/csv; charset=UTF-8");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
            writeCsv(query.get().get(), csvTimes.get(), out);
        }
    }

    /** Writes the CSV of the current filters (for the download and tests). */
    void writeCsv(Writer out) throws IOException {
        writeCsv(query().orElseThrow(() -> new IllegalStateException(INVALID_RANGE)), times, out);
    }

    /** The CSV, times in ISO 8601 with the viewer's offset ("2026-12-03T18:31:53+01:00"). */
    private void writeCsv(LogQuery query, DateTimes csvTimes, Writer out) throws IOException {
        RequestLogCsv.writeHeader(out);
        try {
            log.forEach(account, query, exportChunkRows, r -> {
                try {
                    RequestLogCsv.writeRow(out, r, csvTimes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the browser went away: stop reading
        }
    }

    /** The tab's requests logged since the rows were read (at most the cap and those known then). */
    private List<LoggedRequest> sinceShown(LogQuery q) {
        LogQuery since = new LogQuery(q.tab(), q.errorCode(), q.keyKind(), shownAt, clock.instant().plusSeconds(1),
                q.search());
        return log.page(account, since, 0, NEW_REQUESTS_CAP + 1 + knownAtShownAt.size());
    }

    /** Where a preset range's window ends until the next Refresh / Show / filter change. */
    Instant pinnedTo() {
        return pinnedTo;
    }

    /** Remembers when the rows were read, and which requests of that second were there already. */
    private void markShown() {
        shownAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        pinnedTo = clock.instant().plusSeconds(1);
        knownAtShownAt = java.util.Set.of();
        knownAtShownAt = query().map(q -> sinceShown(q).stream().map(LoggedRequest::requestId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet())).orElse(java.util.Set.of());
    }

    private void refresh() {
        markShown();
        newRequests.setVisible(false);
        validateRange();
        export.setEnabled(query().isPresent());
        grid.getDataProvider().refreshAll();
        refreshSummary();
    }

    private void refreshSummary() {
        summary.removeAll();
        Optional<LogQuery> query = query();
        if (query.isEmpty()) {
            summary.add(new Span(INVALID_RANGE));
            grid.setEmptyStateText(INVALID_RANGE);
            return;
        }
        LogQuery q = query.get();
        grid.setEmptyStateText(emptyText(q));
        Map<String, Long> counts = log.invalidCountsByError(account, q.from(), q.to(), q.keyKindOfTab());
        if (counts.isEmpty()) {
            summary.add(new Span("No invalid requests " + rangeText() + "."));
            return;
        }
        for (String code : ErrorDisplay.STORED_CODES) {
            Long n = counts.get(code);
            if (n != null) {
                Span badge = new Span(ErrorDisplay.textOf(code) + ": " + n);
                badge.getElement().getThemeList().add("badge error");
                badge.getElement().setAttribute("data-code", code);
                // a badge filters the grid to its error type (click, or Enter/Space from the keyboard)
                badge.getElement().setAttribute("role", "button");
                badge.getElement().setAttribute("tabindex", "0");
                badge.getElement().setAttribute("title", "Show only requests with " + ErrorDisplay.textOf(code));
                badge.getStyle().set("cursor", "pointer");
                badge.addClickListener(e -> errorFilter.setValue(code));
                badge.getElement().addEventListener("keydown", e -> errorFilter.setValue(code))
                        .setFilter("event.key === 'Enter' || event.key === ' '");
                summary.add(badge);
            }
        }
    }

    /**
     * What was looked for, so that an empty grid does not blame the wrong filter: "No invalid
     * requests with “Employee not found” from production keys matching “UIW-P-1” (employee
     * email or reference) in the last 7 days."
     */
    String emptyText(LogQuery q) {
        var text = new StringBuilder(tab == LogTab.INVALID ? "No invalid requests" : "No test requests");
        if (q.errorCode() != null) {
            text.append(" with “").append(ErrorDisplay.textOf(q.errorCode())).append('”');
        }
        if (tab == LogTab.INVALID && q.keyKind() != null) {
            text.append(" from ").append(q.keyKind().label().toLowerCase(java.util.Locale.ROOT)).append(" keys");
        }
        if (q.search() != null) {
            text.append(" matching “").append(q.search()).append("” (employee email or reference)");
        }
        text.append(' ').append(rangeText()).append('.');
        if (q.search() != null || q.errorCode() != null) {
            text.append(" Clear the search or filters, or choose a longer time range.");
        }
        return text.toString();
    }

    /** "in the last 7 days", "from 2026-11-01 10:00 to 2026-11-02 10:00 (Europe/Berlin)". */
    private String rangeText() {
        TimeRange range = rangeFilter.getValue();
        if (range.length != null) {
            return "in the " + range.label.toLowerCase(java.util.Locale.ROOT);
        }
        return "from " + times.absolute(rangeFrom.getValue().atZone(zone).toInstant()) + " to "
                + times.absolute(rangeTo.getValue().atZone(zone).toInstant()) + " (" + zone.getId() + ")";
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
