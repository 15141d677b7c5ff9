package io.syncwatch.agentrequests.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.platform.AccountId;

/**
 * Reads the request log: pages of a tab newest first through the (account, tab flag, created_at,
 * id) indexes, or through the error index when filtered by error code; chunks for the export by
 * keyset; one request by id. The errors of the rows read are attached by {@link RequestLogErrors}.
 */
final class RequestLogQueries {

    private static final String COLUMNS = """
            l.id, l.request_id, l.account_id, l.created_at, l.key_id, l.key_name, l.key_kind, l.response_status, l.in_invalid,
            l.employee_email, l.customer_name, l.customer_email, l.channel, l.brand, l.language, l.reference, l.raw_body""";

    private final JdbcClient jdbc;
    private final RequestLogErrors errors;

    RequestLogQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.errors = new RequestLogErrors(jdbc);
    }

    List<LoggedRequest> page(AccountId account, LogQuery query, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = pageSql(account, query, limit, offset, params);
        return errors.attach(jdbc.sql(sql).params(params).query(RequestLogQueries::row).list());
    }

    /** One page of a tab, newest first; adds its parameters (the query plan test explains it). */
    static String pageSql(AccountId account, LogQuery query, int limit, int offset, List<Object> params) {
        StringBuilder sql = filtered(account, query, params);
        sql.append(orderBy(query)).append(" LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return sql.toString();
    }

    /**
     * Keyset paging, newest first: each chunk is read after the (created_at, id) of the previous
     * chunk's last row through the same indexes as {@link #page}, so no OFFSET is scanned and a
     * row logged meanwhile neither repeats nor shifts a row. Each chunk is its own statement.
     */
    void forEach(AccountId account, LogQuery query, int chunkRows, Consumer<LoggedRequest> action) {
        boolean byError = query.errorCode() != null;
        String time = byError ? "e.created_at" : "l.created_at";
        String id = byError ? "e.log_id" : "l.id";
        LocalDateTime lastTime = null;
        long lastId = 0;
        while (true) {
            List<Object> params = new ArrayList<>();
            StringBuilder sql = filtered(account, query, params);
            if (lastTime != null) {
                sql.append(" AND (").append(time).append(" < ? OR (").append(time).append(" = ? AND ").append(id).append(" < ?))");
                params.addAll(List.of(lastTime, lastTime, lastId));
            }
            sql.append(orderBy(query)).append(" LIMIT ?");
            params.add(chunkRows);
            List<RequestLogErrors.Row> chunk = jdbc.sql(sql.toString()).params(params).query(RequestLogQueries::row).list();
            errors.attach(chunk).forEach(action);
            if (chunk.size() < chunkRows) {
                return;
            }
            RequestLogErrors.Row last = chunk.getLast();
            lastTime = last.createdAt();
            lastId = last.id();
        }
    }

    Optional<LoggedRequest> find(AccountId account, String requestId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ac_request_log l WHERE l.account_id = ? AND l.request_id = ?")
                .params(account.value(), requestId).query(RequestLogQueries::row).optional().map(errors::attach);
    }

    /** {@code SELECT … FROM … WHERE …} of a query (no order, no limit); adds its parameters. */
    private static StringBuilder filtered(AccountId account, LogQuery query, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
        String flag = query.tab() == LogTab.INVALID ? "in_invalid" : "in_test";
        if (query.errorCode() != null) {
            // created_at in the join too: the log row is found in its own day partition only
            sql.append(" FROM ac_request_error e JOIN ac_request_log l ON l.id = e.log_id AND l.created_at = e.created_at")
                    .append(" WHERE e.account_id = ? AND e.code = ? AND e.created_at >= ? AND e.created_at < ?");
            params.addAll(List.of(account.value(), query.errorCode(), Timestamps.of(query.from()), Timestamps.of(query.to())));
            if (query.tab() == LogTab.TEST) {
                sql.append(" AND e.in_test = TRUE");
            }
        } else {
            sql.append(" FROM ac_request_log l WHERE l.account_id = ? AND l.").append(flag)
                    .append(" = TRUE AND l.created_at >= ? AND l.created_at < ?");
            params.addAll(List.of(account.value(), Timestamps.of(query.from()), Timestamps.of(query.to())));
        }
        if (query.keyKind() != null) {
            sql.append(" AND l.key_kind = ?");
            params.add(query.keyKind().name());
        }
        if (query.search() != null) {
            // case-insensitive whatever the column's collation (H2 compares case-sensitively): both sides lower-cased.
            // A substring cannot use an index of its own; it filters the rows of the tab's (or error code's) index range
            // above, which stays the access path (JdbcRequestLogTest shows the EXPLAIN plan)
            sql.append(" AND (LOWER(l.employee_email) LIKE ? OR LOWER(l.reference) LIKE ?)");
            String like = "%" + query.search().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        return sql;
    }

    private static String orderBy(LogQuery query) {
        return query.errorCode() != null ? " ORDER BY e.created_at DESC, e.log_id DESC" : " ORDER BY l.created_at DESC, l.id DESC";
    }

    /** A row of {@link #COLUMNS}, its errors not yet attached. */
    private static RequestLogErrors.Row row(ResultSet rs, int n) throws SQLException {
        AgentRequest request = new AgentRequest(rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16));
        String raw = rs.getString(17);
        LocalDateTime createdAt = rs.getObject(4, LocalDateTime.class);
        LoggedRequest logged = new LoggedRequest(rs.getString(2), AccountId.of(rs.getLong(3)), Timestamps.instant(createdAt),
                rs.getLong(5), rs.getString(6), KeyKind.valueOf(rs.getString(7)), rs.getInt(8), List.of(), null, request,
                raw == null ? "" : raw);
        return new RequestLogErrors.Row(rs.getLong(1), createdAt, rs.getBoolean(9), logged);
    }
}
