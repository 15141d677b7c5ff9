package io.syncwatch.agentrequests.adapter.in.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.syncwatch.agentrequests.application.port.out.RequestLog;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.RequestError;
import io.syncwatch.agentrequests.domain.RequestErrorCode;
import io.syncwatch.platform.AccountId;

/** Logged rows at chosen times for the API Status page's tests, and the references a CSV export holds. */
final class RequestLogRows {

    private static final Pattern LAST_CELL = Pattern.compile("\"([^\"]*)\"$");

    private RequestLogRows() {
    }

    /** Logs an invalid request with one error; {@code reference} identifies it in the grid and the CSV. */
    static void logInvalid(RequestLog log, AccountId account, String reference, Instant at, KeyKind kind,
            RequestErrorCode error) {
        log.append(new LoggedRequest("req_" + reference + "_" + System.nanoTime(), account, at, 1,
                kind == KeyKind.TEST ? "Staging" : "Production", kind, 422,
                List.of(new RequestError(error, "field", "message")), null,
                new AgentRequest("e@acme.test", "Carla", "carla@example.com", "email", "Acme", "en", reference), "{}"));
    }

    /** The CSV a panel exports for its current filters. */
    static String csv(RequestLogPanel panel) {
        var out = new StringWriter();
        try {
            panel.export.writeCsv(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The reference (last column) of every data row of an export, in order. */
    static List<String> csvReferences(String csv) {
        List<String> refs = new ArrayList<>();
        csv.lines().skip(1).forEach(line -> {
            Matcher m = LAST_CELL.matcher(line);
            assertThat(m.find()).as(line).isTrue();
            refs.add(m.group(1));
        });
        return refs;
    }
}
