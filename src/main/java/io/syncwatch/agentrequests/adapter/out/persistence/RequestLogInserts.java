package io.syncwatch.agentrequests.adapter.out.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.RequestError;

/**
 * Writes a batch of logged requests: their rows in {@code ac_request_log}, one row per error in
 * {@code ac_request_error} (code, field and message: the errors are stored there only) and their
 * count buckets, one statement each, on the connection of the group commit's transaction.
 * Plain JDBC with typed setters and the generated keys read as numbers: this runs for every
 * logged request, and Spring's per-parameter type detection and key-holder maps were a sixth of
 * the log writer's work in the load profile.
 */
final class RequestLogInserts {

    /** Raw bodies are kept up to this many UTF-8 bytes (a TEXT column holds 65,535). */
    static final int MAX_RAW_BYTES = 60_000;

    /** An error's message is kept up to this many characters (the validator's are a few hundred at most). */
    static final int MAX_MESSAGE_CHARS = 1_000;

    private static final String LOG_INSERT = """
            INSERT INTO ac_request_log (request_id, account_id, created_at, key_id, key_name, key_kind, in_test, in_invalid,
              response_status, primary_error, error_count, employee_email, customer_name, customer_email, channel,
              brand, language, reference, raw_body) VALUES """;
    private static final String LOG_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ERROR_INSERT = "INSERT INTO ac_request_error (log_id, account_id, code, created_at, in_test, field, message) VALUES ";
    private static final String ERROR_ROW = "(?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    RequestLogInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the rows, their error rows and their buckets: one statement each, whatever the number of rows. */
    void insertAll(List<LoggedRequest> rows) {
        jdbc.execute((ConnectionCallback<Void>) con -> {
            long[] ids = insertLogRows(con, rows);
            // the summary's buckets, in the same transaction as the rows (issue 20)
            RequestCounts.add(con, rows);
            List<LoggedRequest> withErrors = rows.stream().filter(r -> !r.errorCodes().isEmpty()).toList();
            if (withErrors.isEmpty()) {
                return null;
            }
            Map<String, Long> idByRequest = new HashMap<>();
            if (ids != null) {
                for (int i = 0; i < rows.size(); i++) {
                    idByRequest.put(rows.get(i).requestId(), ids[i]);
                }
            } else {
                // the driver did not return one key per row: look the ids up by request id
                jdbc.query("SELECT id, request_id FROM ac_request_log WHERE request_id IN ("
                        + String.join(", ", java.util.Collections.nCopies(withErrors.size(), "?")) + ")",
                        (ResultSet rs) -> {
                            idByRequest.put(rs.getString(2), rs.getLong(1));
                        }, withErrors.stream().map(LoggedRequest::requestId).toArray());
            }
            insertErrorRows(con, withErrors, idByRequest);
            return null;
        });
    }

    /**
     * The log rows in one multi-row insert; returns their ids in row order from the generated
     * keys — MySQL and MariaDB give the rows of one simple multi-row insert consecutive ids in
     * row order (whatever {@code innodb_autoinc_lock_mode}) and Connector/J returns them with the
     * server's {@code auto_increment_increment} applied — or null when the driver returned
     * anything but one numeric key per row, so the caller reads them instead.
     */
    private static long @Nullable [] insertLogRows(Connection con, List<LoggedRequest> rows) throws SQLException {
        StringBuilder sql = new StringBuilder(LOG_INSERT.length() + rows.size() * (LOG_ROW.length() + 2)).append(LOG_INSERT);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(LOG_ROW);
        }
        try (PreparedStatement ps = con.prepareStatement(sql.toString(), new String[] { "id" })) {
            int p = 1;
            for (LoggedRequest r : rows) {
                AgentRequest q = r.request();
                ps.setString(p++, r.requestId());
                ps.setLong(p++, r.accountId().value());
                ps.setObject(p++, Timestamps.of(r.createdAt()));
                ps.setLong(p++, r.keyId());
                ps.setString(p++, r.keyName());
                ps.setString(p++, r.keyKind().name());
                ps.setBoolean(p++, r.inTab(LogTab.TEST));
                ps.setBoolean(p++, r.inTab(LogTab.INVALID));
                ps.setInt(p++, r.responseStatus());
                text(ps, p++, r.primaryErrorCode().orElse(null));
                ps.setInt(p++, r.errorCodes().size());
                text(ps, p++, cut(q.employeeEmail(), 254));
                text(ps, p++, cut(q.customerName(), 200));
                text(ps, p++, cut(q.customerEmail(), 254));
                text(ps, p++, cut(q.channel(), 40));
                text(ps, p++, cut(q.brand(), 120));
                text(ps, p++, cut(q.language(), 35));
                text(ps, p++, cut(q.reference(), 120));
                text(ps, p++, truncateUtf8(r.rawBody(), MAX_RAW_BYTES));
            }
            ps.executeUpdate();
            long[] ids = new long[rows.size()];
            int n = 0;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    long id = keys.getLong(1);
                    if (n == ids.length || keys.wasNull()) {
                        return null;
                    }
                    ids[n++] = id;
                }
            }
            return n == ids.length ? ids : null;
        }
    }

    /** Every error of every row: a malformed request's one row is {@code MALFORMED_REQUEST}, field {@code body}, its reason. */
    private static void insertErrorRows(Connection con, List<LoggedRequest> withErrors, Map<String, Long> ids) throws SQLException {
        StringBuilder sql = new StringBuilder(ERROR_INSERT);
        int count = 0;
        for (LoggedRequest r : withErrors) {
            for (int e = 0; e < r.errorCodes().size(); e++) {
                sql.append(count++ == 0 ? "" : ", ").append(ERROR_ROW);
            }
        }
        try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
            int p = 1;
            for (LoggedRequest r : withErrors) {
                Long id = ids.get(r.requestId());
                if (id == null) {
                    throw new IllegalStateException("Logged request " + r.requestId() + " was not found after its insert");
                }
                String malformed = r.malformedReason();
                List<RequestError> errors = r.errors();
                int n = malformed != null ? 1 : errors.size();
                for (int e = 0; e < n; e++) {
                    ps.setLong(p++, id);
                    ps.setLong(p++, r.accountId().value());
                    ps.setString(p++, malformed != null ? LoggedRequest.MALFORMED : errors.get(e).code().name());
                    ps.setObject(p++, Timestamps.of(r.createdAt()));
                    ps.setBoolean(p++, r.inTab(LogTab.TEST));
                    ps.setString(p++, cut(malformed != null ? RequestLogErrors.MALFORMED_FIELD : errors.get(e).field(), 40));
                    ps.setString(p++, cut(malformed != null ? malformed : errors.get(e).message(), MAX_MESSAGE_CHARS));
                }
            }
            ps.executeUpdate();
        }
    }

    private static void text(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** Roughly the bytes a row adds to the insert statements. */
    static int approximateBytes(LoggedRequest r) {
        return 512 + Math.min(r.rawBody().length() * 3, MAX_RAW_BYTES);
    }

    private static @Nullable String cut(@Nullable String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
    }

    /** Cuts to at most {@code maxBytes} UTF-8 bytes without splitting a character. */
    static String truncateUtf8(String s, int maxBytes) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return s;
        }
        int end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
