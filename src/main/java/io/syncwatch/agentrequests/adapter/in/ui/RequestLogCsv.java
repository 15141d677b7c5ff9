package io.syncwatch.agentrequests.adapter.in.ui;

import java.io.IOException;
import java.io.Writer;

import org.jspecify.annotations.Nullable;

import io.syncwatch.agentrequests.domain.ErrorDisplay;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.platform.shell.DateTimes;

/** The CSV export of the API Status page's filtered rows (no raw bodies, no keys), written row by row. */
final class RequestLogCsv {

    static final String HEADER = "time,request_id,key_name,key_kind,outcome,status,errors,employee_email,customer_name,"
            + "customer_email,channel,brand,language,reference";

    private RequestLogCsv() {
    }

    static void writeHeader(Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    /** One row; the time in ISO 8601 with the offset of the viewer's zone. */
    static void writeRow(Writer out, LoggedRequest r, DateTimes times) throws IOException {
        out.write(String.join(",", cell(times.iso(r.createdAt())), cell(r.requestId()), cell(r.keyName()),
                cell(r.keyKind().label()), cell(r.failed() ? "invalid" : "accepted"), cell(Integer.toString(r.responseStatus())),
                cell(String.join("; ", r.errorCodes().stream().map(ErrorDisplay::textOf).toList())),
                cell(r.request().employeeEmail()), cell(r.request().customerName()), cell(r.request().customerEmail()),
                cell(r.request().channel()), cell(r.request().brand()), cell(r.request().language()),
                cell(r.request().reference())));
        out.write("\r\n");
    }

    /** Quotes every cell and defuses spreadsheet formulas. */
    private static String cell(@Nullable String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
