package io.syncwatch.agentrequests.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import io.syncwatch.agentrequests.AgentConnectCompanies;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.RequestError;
import io.syncwatch.agentrequests.domain.RequestErrorCode;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/**
 * The summary strip's count buckets (issue 20) against {@code COUNT(*)} of the rows: random
 * traffic from several threads through the group commit (test and production keys, valid,
 * invalid with one or several errors, malformed, spread over 100 days), then the retention
 * purge; after each, every hour and day bucket equals the rows it counts, the strip's counts for
 * random ranges (aligned or not) equal a count of the rows, and the migration's backfill rebuilds
 * the same buckets from the rows.
 */
@SpringBootTest
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class })
class RequestCountBucketsTest {

    @Autowired
    JdbcRequestLog log;

    @Autowired
    AgentConnectCompanies companies;

    @Autowired
    JdbcTemplate jdbc;

    private static final RequestErrorCode[] CODES = RequestErrorCode.values();

    @Test
    void bucketsEqualTheRowsAfterRandomTrafficAndAfterThePurge() throws Exception {
        List<AccountId> accounts = List.of(companies.create().id(), companies.create().id());
        Instant now = Instant.now();
        Random random = new Random(20);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                long seed = random.nextLong();
                sent.add(clients.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < 150; i++) {
                        log.append(randomRequest(r, accounts.get(r.nextInt(accounts.size())), now));
                    }
                }));
            }
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdown();
        }

        // the rows were answered once queued: any read through the log waits for them to be committed
        log.find(accounts.getFirst(), "req_none");
        for (AccountId account : accounts) {
            assertBucketsMatchRows(account);
            assertStripMatchesRows(account, now, random);
        }
        assertBackfillRebuildsTheBuckets(accounts);

        // the purge deletes whole days before the cutoff's day, rows and buckets alike
        Instant cutoff = now.minus(Duration.ofDays(40));
        assertThat(log.purgeBefore(cutoff)).isPositive();
        LocalDateTime cutoffDay = Timestamps.of(cutoff).truncatedTo(ChronoUnit.DAYS);
        for (AccountId account : accounts) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ac_request_log WHERE account_id = ? AND created_at < ?", Long.class,
                    account.value(), cutoffDay)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ac_request_log WHERE account_id = ? AND created_at >= ?", Long.class,
                    account.value(), cutoffDay)).as("rows of the cutoff's day and later stay").isPositive();
            assertBucketsMatchRows(account);
            assertStripMatchesRows(account, now, random);
        }
    }

    @Test
    void aRangeSplitsIntoWholeDaysWholeHoursAndTwoPartialHours() {
        LocalDateTime from = LocalDateTime.parse("2026-11-01T10:30:00");
        LocalDateTime to = LocalDateTime.parse("2026-11-04T05:15:00");
        assertThat(RequestCounts.pieces(from, to)).containsExactly(
                new RequestCounts.Piece("R", from, LocalDateTime.parse("2026-11-01T11:00:00")),
                new RequestCounts.Piece("H", LocalDateTime.parse("2026-11-01T11:00:00"), LocalDateTime.parse("2026-11-02T00:00:00")),
                new RequestCounts.Piece("D", LocalDateTime.parse("2026-11-02T00:00:00"), LocalDateTime.parse("2026-11-04T00:00:00")),
                new RequestCounts.Piece("H", LocalDateTime.parse("2026-11-04T00:00:00"), LocalDateTime.parse("2026-11-04T05:00:00")),
                new RequestCounts.Piece("R", LocalDateTime.parse("2026-11-04T05:00:00"), to));
        assertThat(RequestCounts.pieces(from, from.plusMinutes(20))).containsExactly(new RequestCounts.Piece("R", from, from.plusMinutes(20)));
        // more than half of the first hour in the range: its bucket minus the rows before the start
        LocalDateTime early = LocalDateTime.parse("2026-11-01T10:10:00");
        assertThat(RequestCounts.pieces(early, to).getFirst())
                .isEqualTo(new RequestCounts.Piece("N", LocalDateTime.parse("2026-11-01T10:00:00"), early));
        assertThat(RequestCounts.pieces(early, to).get(1))
                .isEqualTo(new RequestCounts.Piece("H", LocalDateTime.parse("2026-11-01T10:00:00"), LocalDateTime.parse("2026-11-02T00:00:00")));
        // a range ending now takes the current hour's bucket whole
        assertThat(RequestCounts.pieces(from, to, to.minusSeconds(1)).getLast())
                .isEqualTo(new RequestCounts.Piece("H", LocalDateTime.parse("2026-11-04T00:00:00"), LocalDateTime.parse("2026-11-04T06:00:00")));
        assertThat(RequestCounts.pieces(LocalDateTime.parse("2026-11-01T10:00:00"), LocalDateTime.parse("2026-11-01T13:00:00")))
                .containsExactly(new RequestCounts.Piece("H", LocalDateTime.parse("2026-11-01T10:00:00"), LocalDateTime.parse("2026-11-01T13:00:00")));
        assertThat(RequestCounts.pieces(to, from)).isEmpty();
    }

    private LoggedRequest randomRequest(Random r, AccountId account, Instant now) {
        KeyKind kind = r.nextInt(3) == 0 ? KeyKind.PRODUCTION : KeyKind.TEST;
        Instant at = now.minus(Duration.ofMinutes(r.nextInt(100 * 24 * 60))).minusMillis(r.nextInt(60_000));
        int shape = r.nextInt(kind == KeyKind.PRODUCTION ? 3 : 4);
        List<RequestError> errors = new ArrayList<>();
        String malformed = null;
        switch (shape) {
            case 0 -> malformed = "not JSON";
            case 1 -> errors.add(new RequestError(CODES[r.nextInt(CODES.length)], "f", "m"));
            case 2 -> {
                // two errors (each counts); a request's codes are distinct
                RequestErrorCode second = CODES[r.nextInt(CODES.length)];
                errors.add(new RequestError(RequestErrorCode.EMPLOYEE_NOT_FOUND, "f", "m"));
                if (second != RequestErrorCode.EMPLOYEE_NOT_FOUND) {
                    errors.add(new RequestError(second, "g", "n"));
                }
            }
            default -> { } // a valid test-key request
        }
        int status = malformed != null ? 400 : errors.isEmpty() ? 202 : 422;
        return new LoggedRequest("req_bucket_" + System.nanoTime() + "_" + r.nextInt(1_000_000), account, at, 1, "K", kind, status,
                errors, malformed, new AgentRequest("e@acme.test", "C", "c@example.com", "email", null, "en", "r"), "{}");
    }

    /** Every hour bucket equals the rows of its hour, every day bucket the rows of its day. */
    private void assertBucketsMatchRows(AccountId account) {
        Map<String, Long> expected = new TreeMap<>();
        List<Map<String, Object>> requests = jdbc.queryForList(
                "SELECT id, created_at, key_kind, in_test, in_invalid FROM ac_request_log WHERE account_id = ?", account.value());
        for (Map<String, Object> q : requests) {
            LocalDateTime at = (LocalDateTime) toLocal(q.get("created_at"));
            for (String tab : tabs(q)) {
                count(expected, at, tab, (String) q.get("key_kind"), "");
            }
        }
        for (Map<String, Object> e : jdbc.queryForList(
                "SELECT l.created_at, l.key_kind, l.in_test, l.in_invalid, e.code FROM ac_request_error e JOIN ac_request_log l"
                        + " ON l.id = e.log_id WHERE e.account_id = ?", account.value())) {
            LocalDateTime at = (LocalDateTime) toLocal(e.get("created_at"));
            for (String tab : tabs(e)) {
                count(expected, at, tab, (String) e.get("key_kind"), (String) e.get("code"));
            }
        }
        assertThat(requests).isNotEmpty();
        Map<String, Long> buckets = new TreeMap<>();
        for (Map<String, Object> b : jdbc.queryForList(
                "SELECT span, tab, key_kind, code, start_at, requests FROM ac_request_count WHERE account_id = ?", account.value())) {
            buckets.put(b.get("span") + "|" + b.get("tab") + "|" + b.get("key_kind") + "|" + b.get("code") + "|" + toLocal(b.get("start_at")),
                    ((Number) b.get("requests")).longValue());
        }
        buckets.values().removeIf(n -> n == 0);
        assertThat(buckets).isEqualTo(expected);
    }

    private static List<String> tabs(Map<String, Object> row) {
        List<String> tabs = new ArrayList<>();
        if (Boolean.TRUE.equals(bool(row.get("in_invalid")))) {
            tabs.add("INVALID");
        }
        if (Boolean.TRUE.equals(bool(row.get("in_test")))) {
            tabs.add("TEST");
        }
        return tabs;
    }

    private static Boolean bool(Object o) {
        return o instanceof Boolean b ? b : ((Number) o).intValue() != 0;
    }

    private static Object toLocal(Object o) {
        return o instanceof java.sql.Timestamp t ? t.toLocalDateTime() : o;
    }

    private static void count(Map<String, Long> expected, LocalDateTime at, String tab, String kind, String code) {
        expected.merge("H|" + tab + "|" + kind + "|" + code + "|" + at.truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
        expected.merge("D|" + tab + "|" + kind + "|" + code + "|" + at.truncatedTo(ChronoUnit.DAYS), 1L, Long::sum);
    }

    /** The strip's counts for presets and random ranges equal a COUNT(*) of the error rows. */
    private void assertStripMatchesRows(AccountId account, Instant now, Random random) {
        List<Instant[]> ranges = new ArrayList<>();
        for (int days : List.of(1, 7, 30, 90, 365)) {
            ranges.add(new Instant[] { now.minus(Duration.ofDays(days)), now });
        }
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        ranges.add(new Instant[] { hour.minus(Duration.ofDays(10)), hour }); // aligned on hours
        ranges.add(new Instant[] { now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(20)), now.truncatedTo(ChronoUnit.DAYS) });
        // ending now (a preset): the current hour's bucket is read whole
        ranges.add(new Instant[] { now.minus(Duration.ofDays(7)), Instant.now() });
        ranges.add(new Instant[] { now.minus(Duration.ofMinutes(50)).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(5)), Instant.now() });
        for (int i = 0; i < 12; i++) {
            Instant a = now.minus(Duration.ofMinutes(random.nextInt(100 * 24 * 60))).minusMillis(random.nextInt(60_000));
            Instant b = a.plus(Duration.ofMinutes(random.nextInt(i < 4 ? 90 : 40 * 24 * 60))).plusMillis(random.nextInt(60_000));
            ranges.add(new Instant[] { a, b });
        }
        for (Instant[] range : ranges) {
            for (KeyKind kind : new KeyKind[] { null, KeyKind.TEST, KeyKind.PRODUCTION }) {
                Map<String, Long> expected = new HashMap<>();
                jdbc.query("SELECT code, COUNT(*) FROM ac_request_error WHERE account_id = ? AND created_at >= ? AND created_at < ?"
                        + (kind == null ? "" : " AND in_test = " + (kind == KeyKind.TEST ? "TRUE" : "FALSE")) + " GROUP BY code",
                        rs -> {
                            expected.put(rs.getString(1), rs.getLong(2));
                        }, account.value(), Timestamps.of(range[0]), Timestamps.of(range[1]));
                assertThat(log.invalidCountsByError(account, range[0], range[1], kind))
                        .as("%s to %s, %s", range[0], range[1], kind).isEqualTo(expected);
            }
        }
    }

    /** The migration's backfill, run into a copy of the table, gives the buckets the writer keeps. */
    private void assertBackfillRebuildsTheBuckets(List<AccountId> accounts) throws IOException {
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/agentrequests/V10__request_count_buckets.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String copy = "ac_request_count_check_" + Long.toHexString(System.nanoTime());
        StringBuilder noComments = new StringBuilder();
        for (String line : migration.split("\n")) {
            noComments.append(line.replaceAll("--.*$", "")).append('\n');
        }
        try {
            for (String statement : noComments.toString().split(";")) {
                if (!statement.isBlank()) {
                    jdbc.execute(statement.replace("ac_request_count", copy).replace("ix_" + copy, "ix_" + copy + "_s"));
                }
            }
            for (AccountId account : accounts) {
                String select = "SELECT span, tab, key_kind, code, start_at, requests FROM %s WHERE account_id = ? AND requests > 0"
                        + " ORDER BY span, tab, key_kind, code, start_at";
                assertThat(jdbc.queryForList(select.formatted(copy), account.value()))
                        .isEqualTo(jdbc.queryForList(select.formatted("ac_request_count"), account.value()));
            }
        } finally {
            jdbc.execute("DROP TABLE IF EXISTS " + copy);
        }
    }
}
