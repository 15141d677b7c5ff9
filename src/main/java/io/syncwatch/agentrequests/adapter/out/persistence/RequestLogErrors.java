package io.syncwatch.agentrequests.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.syncwatch.agentrequests.domain.ErrorDisplay;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.RequestError;

/**
 * Reads the errors of logged requests from {@code ac_request_error}, where each error is stored
 * once (code, field, message; decision 0021), and attaches them to the rows read from
 * {@code ac_request_log}: one statement for a page (or an export chunk), through the primary key
 * and, on MySQL/MariaDB, only the day partitions of the rows' times.
 */
final class RequestLogErrors {

    /** The field of a malformed request's one error row; its message is the reason. */
    static final String MALFORMED_FIELD = "body";

    /** Errors are returned in validation order, which is the order of the stored codes (RequestErrorCode's). */
    private static final Map<String, Integer> ORDER = new HashMap<>();

    static {
        for (int i = 0; i < ErrorDisplay.STORED_CODES.size(); i++) {
            ORDER.put(ErrorDisplay.STORED_CODES.get(i), i);
        }
    }

    /** A log row as read, before its errors are attached; {@code failed}: it is on the Invalid tab (it has errors). */
    record Row(long id, LocalDateTime createdAt, boolean failed, LoggedRequest request) {
    }

    /** One stored error. */
    private record Stored(String code, String field, String message) {
    }

    private final JdbcClient jdbc;

    RequestLogErrors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows' requests with their errors, in the rows' order. */
    List<LoggedRequest> attach(List<Row> rows) {
        List<Row> failed = rows.stream().filter(Row::failed).toList();
        if (failed.isEmpty()) {
            return rows.stream().map(Row::request).toList();
        }
        LocalDateTime from = failed.stream().map(Row::createdAt).min(Comparator.naturalOrder()).orElseThrow();
        LocalDateTime to = failed.stream().map(Row::createdAt).max(Comparator.naturalOrder()).orElseThrow();
        List<Object> params = new ArrayList<>(failed.size() + 2);
        failed.forEach(r -> params.add(r.id()));
        params.add(from);
        params.add(to);
        Map<Long, List<Stored>> byRow = new HashMap<>();
        // created_at bounds the day partitions read; the primary key (log_id, code, created_at) finds each row's errors
        jdbc.sql("SELECT log_id, code, field, message FROM ac_request_error WHERE log_id IN ("
                + String.join(", ", Collections.nCopies(failed.size(), "?")) + ") AND created_at >= ? AND created_at <= ?")
                .params(params).query((ResultSet rs) -> {
                    byRow.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(stored(rs));
                });
        return rows.stream().map(r -> r.failed() ? with(r.request(), byRow.getOrDefault(r.id(), List.of())) : r.request()).toList();
    }

    /** One row's request with its errors. */
    LoggedRequest attach(Row row) {
        if (!row.failed()) {
            return row.request();
        }
        List<Stored> errors = jdbc.sql("SELECT code, field, message FROM ac_request_error WHERE log_id = ? AND created_at = ?")
                .params(row.id(), row.createdAt()).query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), text(rs, 3))).list();
        return with(row.request(), errors);
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getString(2), rs.getString(3), text(rs, 4));
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }

    private static LoggedRequest with(LoggedRequest r, List<Stored> stored) {
        List<Stored> ordered = new ArrayList<>(stored);
        ordered.sort(Comparator.comparing(s -> ORDER.getOrDefault(s.code(), Integer.MAX_VALUE)));
        String malformed = null;
        List<RequestError> errors = new ArrayList<>(ordered.size());
        for (Stored s : ordered) {
            if (s.code().equals(LoggedRequest.MALFORMED)) {
                malformed = s.message();
            } else {
                ErrorDisplay.codeOf(s.code()).ifPresent(code -> errors.add(new RequestError(code, s.field(), s.message())));
            }
        }
        return new LoggedRequest(r.requestId(), r.accountId(), r.createdAt(), r.keyId(), r.keyName(), r.keyKind(),
                r.responseStatus(), errors, malformed, r.request(), r.rawBody());
    }
}
