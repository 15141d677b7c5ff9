package io.syncwatch.agentrequests.adapter.out.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import io.syncwatch.agentrequests.AgentConnectRequestAccepted;
import io.syncwatch.agentrequests.application.AgentRequestsProperties;
import io.syncwatch.agentrequests.application.port.out.RequestLog;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.ErrorDisplay;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.RequestError;

/**
 * The request log in {@code ac_request_log} (one row per logged request) and {@code ac_request_error}
 * (one row per error, for the error filter and the summary). Pages are read newest first through
 * the (account, tab flag, created_at, id) indexes; the error filter goes through the error index.
 * Rows are written through a {@link GroupCommit}: concurrent requests share one insert and one
 * transaction, and each request returns once its row is committed.
 */
@Repository
class JdbcRequestLog implements RequestLog, SmartLifecycle {

    /** How long a read waits for rows queued before it (the writer commits them within milliseconds unless the database stalls). */
    private static final Duration READ_WAIT = Duration.ofSeconds(5);

    /** Rows the retention purge deletes per statement. */
    static final int PURGE_CHUNK_ROWS = 5_000;

    /** The summary's statement: account, every code, from, to, then in_test if {@code byKeyKind}. */
    static String countsSql(boolean byKeyKind) {
        return "SELECT code, COUNT(*) FROM ac_request_error WHERE account_id = ? AND code IN (" + CODE_MARKS
                + ") AND created_at >= ? AND created_at < ?" + (byKeyKind ? " AND in_test = ?" : "") + " GROUP BY code";
    }

    private static final String CODE_MARKS = String.join(", ", java.util.Collections.nCopies(ErrorDisplay.STORED_CODES.size(), "?"));

    /** Raw bodies are kept up to this many UTF-8 bytes (a TEXT column holds 65,535). */
    static final int MAX_RAW_BYTES = 60_000;

    private static final String COLUMNS = """
            l.id, l.request_id, l.account_id, l.created_at, l.key_id, l.key_name, l.key_kind, l.response_status, l.errors,
            l.employee_email, l.customer_name, l.customer_email, l.channel, l.brand, l.language, l.reference, l.raw_body""";

    /** One request to store: its log row (if the log keeps it) and its accepted event (if any). */
    record Entry(LoggedRequest request, @Nullable AgentConnectRequestAccepted accepted) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;
    private final GroupCommit<Entry> writes;
    private final DistributionSummary batches;
    private final RequestLogPartitions partitions;

    /** Day partitions created ahead of today (at start and by each purge run). */
    static final int PARTITION_DAYS_AHEAD = 7;

    JdbcRequestLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, ApplicationEventPublisher events,
            MeterRegistry meters, AgentRequestsProperties properties) {
        int batchRows = properties.logBatchRows();
        long queueBytes = properties.logQueueBytes();
        Duration answerWindow = properties.logAnswerWindow();
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
        this.partitions = new RequestLogPartitions(jdbcTemplate);
        this.batches = DistributionSummary.builder("syncwatch.agentrequests.log.batch")
                .description("Requests stored per group-commit transaction of the request log").baseUnit("requests").register(meters);
        Counter lost = Counter.builder("syncwatch.agentrequests.log.failed")
                .description("Answered requests whose log row could not be stored (each also logged at ERROR with its request id)")
                .register(meters);
        Timer commitLag = Timer.builder("syncwatch.agentrequests.log.lag")
                .description("How long the oldest request of a group commit waited for it (a logged-only request: time from its answer to its commit)")
                .publishPercentiles(0.5, 0.99).register(meters);
        LongConsumer lag = nanos -> commitLag.record(nanos, TimeUnit.NANOSECONDS);
        this.writes = new GroupCommit<>("request-log", this::store, new TransactionTemplate(transactions), batchRows,
                4 * 1024 * 1024, queueBytes, e -> approximateBytes(e.request()), Duration.ofSeconds(30),
                e -> "request " + e.request().requestId(), e -> lost.increment(), lag, answerWindow);
        Gauge.builder("syncwatch.agentrequests.log.backlog", writes, GroupCommit::backlog)
                .description("Logged requests answered and waiting for the request log's next commit").register(meters);
        io.micrometer.core.instrument.FunctionCounter.builder("syncwatch.agentrequests.log.waited", writes, GroupCommit::waitedForCommit)
                .description("Logged-only requests that waited for their commit because the log's queue was older than the answer window")
                .register(meters);
    }

    /**
     * A request with an accepted event returns once row and event are committed (the 202 promises
     * delivery); a request that is only logged returns once its row is queued for the writer, which
     * commits it within milliseconds and before any read of the log that starts later (decision 0005).
     */
    @Override
    public void append(LoggedRequest request, @Nullable AgentConnectRequestAccepted accepted) {
        if (!request.logged() && accepted == null) {
            return;
        }
        if (accepted != null) {
            writes.write(new Entry(request, accepted));
        } else {
            writes.writeBehind(new Entry(request, null));
        }
    }

    /** Every read first waits (briefly) for the rows answered before it, so a request answered is a request listed. */
    private void readYourWrites() {
        writes.awaitWritten(READ_WAIT);
    }

    /**
     * Called by the group commit inside its transaction: the logged rows in one insert, then the
     * accepted events, which the event publication registry stores in the same transaction (an
     * accepted request costs no transaction of its own).
     */
    void store(List<Entry> entries) {
        batches.record(entries.size());
        List<LoggedRequest> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.request().logged()) {
                rows.add(e.request());
            }
        }
        if (!rows.isEmpty()) {
            insertAll(rows);
        }
        for (Entry e : entries) {
            if (e.accepted() != null) {
                events.publishEvent(e.accepted());
            }
        }
    }

    private static final String LOG_INSERT = """
            INSERT INTO ac_request_log (request_id, account_id, created_at, key_id, key_name, key_kind, in_test, in_invalid,
              response_status, primary_error, error_count, errors, employee_email, customer_name, customer_email, channel,
              brand, language, reference, raw_body) VALUES """;
    private static final String LOG_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ERROR_INSERT = "INSERT INTO ac_request_error (log_id, account_id, code, created_at, in_test) VALUES ";
    private static final String ERROR_ROW = "(?, ?, ?, ?, ?)";

    /**
     * Inserts the rows and their error rows: one statement each, whatever the number of rows.
     * Plain JDBC on the transaction's connection with typed setters and the generated keys read
     * as numbers: this runs for every logged request, and Spring's per-parameter type detection
     * and key-holder maps were a sixth of the log writer's work in the load profile.
     */
    void insertAll(List<LoggedRequest> rows) {
        jdbcTemplate.execute((ConnectionCallback<Void>) con -> {
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
                jdbc.sql("SELECT id, request_id FROM ac_request_log WHERE request_id IN (:ids)")
                        .param("ids", withErrors.stream().map(LoggedRequest::requestId).toList())
                        .query((rs, n) -> idByRequest.put(rs.getString(2), rs.getLong(1))).list();
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
                text(ps, p++, encodeErrors(r));
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
                for (String code : r.errorCodes()) {
                    ps.setLong(p++, id);
                    ps.setLong(p++, r.accountId().value());
                    ps.setString(p++, code);
                    ps.setObject(p++, Timestamps.of(r.createdAt()));
                    ps.setBoolean(p++, r.inTab(LogTab.TEST));
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

    /** Roughly the bytes a row adds to the insert statement. */
    static int approximateBytes(LoggedRequest r) {
        return 512 + Math.min(r.rawBody().length() * 3, MAX_RAW_BYTES);
    }

    @Override
    public void start() {
        writes.start();
        try {
            partitions.createUpTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(PARTITION_DAYS_AHEAD));
        } catch (RuntimeException e) {
            // rows still go into pmax until the next purge run creates the days; nothing is lost
            org.slf4j.LoggerFactory.getLogger(JdbcRequestLog.class).warn("Could not create the request log's partitions ahead", e);
        }
    }

    @Override
    public void stop() {
        writes.stop();
    }

    /** The request log's writer, for its health component ({@link RequestLogWriterHealth}). */
    GroupCommit<?> writer() {
        return writes;
    }

    @Override
    public boolean isRunning() {
        return writes.isRunning();
    }

    @Override
    public List<LoggedRequest> page(io.syncwatch.platform.AccountId account, LogQuery query, int offset, int limit) {
        readYourWrites();
        List<Object> params = new ArrayList<>();
        String sql = pageSql(account, query, limit, offset, params);
        return jdbc.sql(sql).params(params).query(JdbcRequestLog::row).list();
    }

    /** One page of a tab, newest first; adds its parameters (the query plan test explains it). */
    static String pageSql(io.syncwatch.platform.AccountId account, LogQuery query, int limit, int offset, List<Object> params) {
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
    @Override
    public void forEach(io.syncwatch.platform.AccountId account, LogQuery query, int chunkRows, Consumer<LoggedRequest> action) {
        readYourWrites();
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
            List<Keyed> chunk = jdbc.sql(sql.toString()).params(params)
                    .query((rs, n) -> new Keyed(rs.getLong(1), rs.getObject(4, LocalDateTime.class), row(rs, n))).list();
            for (Keyed k : chunk) {
                action.accept(k.row());
            }
            if (chunk.size() < chunkRows) {
                return;
            }
            Keyed last = chunk.getLast();
            lastTime = last.createdAt();
            lastId = last.id();
        }
    }

    /** A row with its keyset position. */
    private record Keyed(long id, LocalDateTime createdAt, LoggedRequest row) {
    }

    /** {@code SELECT … FROM … WHERE …} of a query (no order, no limit); adds its parameters. */
    private static StringBuilder filtered(io.syncwatch.platform.AccountId account, LogQuery query, List<Object> params) {
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

    @Override
    public Optional<LoggedRequest> find(io.syncwatch.platform.AccountId account, String requestId) {
        readYourWrites();
        return jdbc.sql("SELECT " + COLUMNS + " FROM ac_request_log l WHERE l.account_id = ? AND l.request_id = ?")
                .params(account.value(), requestId).query(JdbcRequestLog::row).optional();
    }

    /**
     * From the count buckets (issue 20): day buckets for the whole days in the range, hour buckets
     * for the whole hours beside them, and the rows themselves only for the partial hours at the
     * range's two ends; one statement.
     */
    @Override
    public Map<String, Long> invalidCountsByError(io.syncwatch.platform.AccountId account, Instant from, Instant to,
            @Nullable KeyKind keyKind) {
        readYourWrites();
        // a range that ends within 2 s of now (the presets: "last 7 days" up to the moment the page refreshed) takes the
        // current hour's bucket whole, so it also counts requests logged in those last seconds; no row is stamped later than now
        List<RequestCounts.Piece> pieces = RequestCounts.pieces(Timestamps.of(from), Timestamps.of(to),
                Timestamps.of(Instant.now().minusSeconds(2)));
        if (pieces.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(RequestCounts.countsSql(pieces, keyKind)).params(RequestCounts.countsParams(account.value(), pieces, keyKind))
                .query((ResultSet rs) -> {
                    long n = rs.getLong(2);
                    if (n > 0) {
                        counts.put(rs.getString(1), n);
                    }
                });
        return RequestCounts.ordered(counts);
    }

    /**
     * Removes the rows of the whole UTC days before the cutoff's day (at most one day more than the
     * retention is kept), then those days' count buckets, so the buckets stay equal to the rows.
     * Where the log is partitioned by day (MySQL, MariaDB) it first creates the partitions of the
     * coming days and drops the old days' partitions whole; the chunked DELETE that follows then
     * finds only rows of a partition that straddles the cutoff ({@code p_before}) and is all
     * there is on H2.
     */
    @Override
    public int purgeBefore(Instant cutoff) {
        readYourWrites();
        LocalDateTime at = Timestamps.of(cutoff).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        partitions.createUpTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(PARTITION_DAYS_AHEAD));
        int rows = partitions.dropBefore(at);
        // partitioned: only the old partitions are read; otherwise the accounts come from the tab index (no index on created_at alone)
        List<Long> accounts = partitions.partitioned()
                ? jdbc.sql("SELECT DISTINCT account_id FROM ac_request_log WHERE created_at < ?").params(at).query(Long.class).list()
                : jdbc.sql("SELECT DISTINCT account_id FROM ac_request_log").query(Long.class).list();
        for (long account : accounts) {
            List<Object> errorParams = new ArrayList<>(List.of(account));
            errorParams.addAll(ErrorDisplay.STORED_CODES);
            errorParams.add(at);
            deleteInChunks("DELETE FROM ac_request_error WHERE account_id = ? AND code IN (" + CODE_MARKS + ") AND created_at < ?",
                    errorParams);
            // every row is in a tab (ck_ac_request_log_in_a_tab), so the two tab indexes reach them all
            rows += deleteInChunks("DELETE FROM ac_request_log WHERE account_id = ? AND in_invalid = TRUE AND created_at < ?",
                    List.of(account, at));
            rows += deleteInChunks("DELETE FROM ac_request_log WHERE account_id = ? AND in_test = TRUE AND created_at < ?",
                    List.of(account, at));
        }
        deleteInChunks("DELETE FROM ac_request_count WHERE start_at < ?", List.of(at));
        return rows;
    }

    /**
     * Runs the delete {@value #PURGE_CHUNK_ROWS} rows at a time, each chunk committed on its own,
     * so a large purge never holds many locks or one long transaction beside the log's writer.
     */
    private int deleteInChunks(String delete, List<Object> params) {
        int total = 0;
        while (true) {
            int n = jdbc.sql(delete + " LIMIT " + PURGE_CHUNK_ROWS).params(params).update();
            total += n;
            if (n < PURGE_CHUNK_ROWS) {
                return total;
            }
        }
    }

    private static LoggedRequest row(ResultSet rs, int n) throws SQLException {
        String malformed = null;
        List<RequestError> errors = new ArrayList<>();
        String encoded = rs.getString(9);
        if (encoded != null) {
            for (String line : encoded.split("\n")) {
                String[] parts = line.split("\t", 3);
                if (parts.length < 3) {
                    continue;
                }
                if (parts[0].equals(LoggedRequest.MALFORMED)) {
                    malformed = parts[2];
                } else {
                    var code = ErrorDisplay.codeOf(parts[0]);
                    if (code.isPresent()) {
                        errors.add(new RequestError(code.get(), parts[1], parts[2]));
                    }
                }
            }
        }
        AgentRequest request = new AgentRequest(rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16));
        String raw = rs.getString(17);
        return new LoggedRequest(rs.getString(2), io.syncwatch.platform.AccountId.of(rs.getLong(3)),
                Timestamps.instant(rs.getObject(4, LocalDateTime.class)), rs.getLong(5), rs.getString(6),
                KeyKind.valueOf(rs.getString(7)), rs.getInt(8), errors, malformed, request, raw == null ? "" : raw);
    }

    private static @Nullable String encodeErrors(LoggedRequest r) {
        if (r.malformedReason() != null) {
            return LoggedRequest.MALFORMED + "\tbody\t" + clean(r.malformedReason());
        }
        if (r.errors().isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (RequestError e : r.errors()) {
            b.append(e.code().name()).append('\t').append(clean(e.field())).append('\t').append(clean(e.message())).append('\n');
        }
        return truncateUtf8(b.toString(), 8000);
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
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
