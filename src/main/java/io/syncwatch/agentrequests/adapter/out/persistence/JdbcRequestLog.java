package io.syncwatch.agentrequests.adapter.out.persistence;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.syncwatch.agentrequests.AgentConnectRequestAccepted;
import io.syncwatch.agentrequests.application.AgentRequestsProperties;
import io.syncwatch.agentrequests.application.port.out.RequestLog;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.platform.AccountId;

/**
 * The request log in {@code ac_request_log} (one row per logged request) and {@code ac_request_error}
 * (one row per error: code, field and message, for the detail, the error filter and the summary).
 * Rows are written through a {@link GroupCommit}: concurrent requests share one insert and one
 * transaction ({@link RequestLogInserts}); reads ({@link RequestLogQueries}, the summary from
 * {@link RequestCounts}) and the retention purge ({@link RequestLogPurge}) first wait for the rows
 * answered before them.
 */
@Repository
class JdbcRequestLog implements RequestLog, SmartLifecycle {

    /** How long a read waits for rows queued before it (the writer commits them within milliseconds unless the database stalls). */
    private static final Duration READ_WAIT = Duration.ofSeconds(5);

    /** One request to store: its log row (if the log keeps it) and its accepted event (if any). */
    record Entry(LoggedRequest request, @Nullable AgentConnectRequestAccepted accepted) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final GroupCommit<Entry> writes;
    private final DistributionSummary batches;
    private final RequestLogInserts inserts;
    private final RequestLogQueries queries;
    private final RequestLogPurge purge;

    JdbcRequestLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, ApplicationEventPublisher events,
            MeterRegistry meters, AgentRequestsProperties properties) {
        int batchRows = properties.logBatchRows();
        long queueBytes = properties.logQueueBytes();
        Duration answerWindow = properties.logAnswerWindow();
        this.jdbc = jdbc;
        this.events = events;
        this.inserts = new RequestLogInserts(jdbcTemplate);
        this.queries = new RequestLogQueries(jdbc);
        this.purge = new RequestLogPurge(jdbc, new RequestLogPartitions(jdbcTemplate));
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
                4 * 1024 * 1024, queueBytes, e -> RequestLogInserts.approximateBytes(e.request()), Duration.ofSeconds(30),
                e -> "request " + e.request().requestId(), e -> lost.increment(), lag, answerWindow);
        Gauge.builder("syncwatch.agentrequests.log.backlog", writes, GroupCommit::backlog)
                .description("Logged requests answered and waiting for the request log's next commit").register(meters);
        FunctionCounter.builder("syncwatch.agentrequests.log.waited", writes, GroupCommit::waitedForCommit)
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

    /** Inserts the rows, their error rows and buckets (inside the caller's transaction). */
    void insertAll(List<LoggedRequest> rows) {
        inserts.insertAll(rows);
    }

    @Override
    public void start() {
        writes.start();
        try {
            purge.createPartitionsAhead();
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
    public List<LoggedRequest> page(AccountId account, LogQuery query, int offset, int limit) {
        readYourWrites();
        return queries.page(account, query, offset, limit);
    }

    @Override
    public void forEach(AccountId account, LogQuery query, int chunkRows, Consumer<LoggedRequest> action) {
        readYourWrites();
        queries.forEach(account, query, chunkRows, action);
    }

    @Override
    public Optional<LoggedRequest> find(AccountId account, String requestId) {
        readYourWrites();
        return queries.find(account, requestId);
    }

    /**
     * From the count buckets (issue 20): day buckets for the whole days in the range, hour buckets
     * for the whole hours beside them, and the rows themselves only for the partial hours at the
     * range's two ends; one statement.
     */
    @Override
    public Map<String, Long> invalidCountsByError(AccountId account, Instant from, Instant to, @Nullable KeyKind keyKind) {
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

    /** See {@link RequestLogPurge}. */
    @Override
    public int purgeBefore(Instant cutoff) {
        readYourWrites();
        return purge.purgeBefore(cutoff);
    }
}
