package io.syncwatch.agentrequests.adapter.in.ui;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.shell.DateTimes;

/**
 * An API Status tab's "Export CSV" link: every row of the tab's filters, newest first, streamed as
 * it is read in keyset chunks, times in ISO 8601 with the viewer's offset.
 */
class RequestLogExport {

    /** Rows read from the database per chunk while exporting. */
    static final int CHUNK_ROWS = 500;

    final Anchor anchor = new Anchor(downloadHandler(), "Export CSV");
    /** Rows per database read while exporting; small in tests. */
    int chunkRows = CHUNK_ROWS;
    private final BrowseRequestLog log;
    private final AccountId account;
    private final RequestLogFilters filters;
    private final ViewerTime time;

    RequestLogExport(BrowseRequestLog log, AccountId account, RequestLogFilters filters, ViewerTime time) {
        this.log = log;
        this.account = account;
        this.filters = filters;
        this.time = time;
        anchor.setId("export-csv");
        anchor.setTitle("Every filtered row, newest first");
        anchor.getElement().setAttribute("download", true);
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
        var csvTimes = new AtomicReference<DateTimes>(time.times());
        event.getSession().accessSynchronously(() -> {
            query.set(filters.query());
            name.set(filters.fileName());
            csvTimes.set(time.times());
        });
        if (query.get().isEmpty()) {
            event.getResponse().sendError(400, RequestLogPanel.INVALID_RANGE);
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
        writeCsv(filters.query().orElseThrow(() -> new IllegalStateException(RequestLogPanel.INVALID_RANGE)), time.times(), out);
    }

    /** The CSV, times in ISO 8601 with the viewer's offset ("2026-12-03T18:31:53+01:00"). */
    private void writeCsv(LogQuery query, DateTimes csvTimes, Writer out) throws IOException {
        RequestLogCsv.writeHeader(out);
        try {
            log.forEach(account, query, chunkRows, r -> {
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
}
