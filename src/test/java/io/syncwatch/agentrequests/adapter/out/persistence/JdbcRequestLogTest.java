package io.syncwatch.agentrequests.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import io.syncwatch.agentrequests.AgentConnectCompanies;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.RequestError;
import io.syncwatch.agentrequests.domain.RequestErrorCode;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/**
 * The request log's writes on the real server: one multi-row insert per batch with each row's
 * error rows tied to the right log row, every column read back as written, and a logged-only
 * request (answered before its commit) visible to any read that starts after the answer.
 */
@SpringBootTest
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class })
class JdbcRequestLogTest {

    @Autowired
    JdbcRequestLog log;

    @Autowired
    AgentConnectCompanies companies;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Test
    void aBatchStoresEveryColumnAndTiesEachErrorToItsOwnRow() {
        AccountId account = companies.create().id();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<LoggedRequest> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            List<RequestError> errors = switch (i % 3) {
                case 0 -> List.of(); // a valid test request: no error rows
                case 1 -> List.of(new RequestError(RequestErrorCode.EMPLOYEE_NOT_FOUND, "employee.email", "no employee " + i));
                default -> List.of(new RequestError(RequestErrorCode.CHANNEL_NOT_ENABLED, "channel", "sms is off"),
                        new RequestError(RequestErrorCode.LANGUAGE_NOT_AVAILABLE, "language", "xx is not offered"));
            };
            rows.add(new LoggedRequest("req_batch_" + System.nanoTime() + "_" + i, account, at.plusMillis(i), 7, "Staging",
                    KeyKind.TEST, errors.isEmpty() ? 202 : 422, errors, null,
                    new AgentRequest("e" + i + "@acme.test", i == 4 ? null : "Customer " + i, "c" + i + "@example.com", "email",
                            i % 2 == 0 ? "Acme" : null, "en", "ref-" + i),
                    "{\"n\": " + i + "}"));
        }

        transactions.executeWithoutResult(status -> log.insertAll(rows));

        for (LoggedRequest written : rows) {
            LoggedRequest read = log.find(account, written.requestId()).orElseThrow();
            // MySQL keeps the microseconds; MySQL's Connector/J reads MariaDB 10.x's version as 5.5.5 and sends whole
            // seconds there (a driver limit, README "Databases")
            assertThat(read.createdAt()).isIn(written.createdAt(), written.createdAt().truncatedTo(ChronoUnit.SECONDS));
            assertThat(read.keyName()).isEqualTo("Staging");
            assertThat(read.keyKind()).isEqualTo(KeyKind.TEST);
            assertThat(read.responseStatus()).isEqualTo(written.responseStatus());
            assertThat(read.request()).isEqualTo(written.request());
            assertThat(read.rawBody()).isEqualTo(written.rawBody());
            assertThat(read.errorCodes()).isEqualTo(written.errorCodes());
        }
        Instant from = at.minusSeconds(60);
        Instant to = at.plusSeconds(60);
        assertThat(log.page(account, new LogQuery(LogTab.INVALID, "EMPLOYEE_NOT_FOUND", null, from, to, null), 0, 50))
                .extracting(LoggedRequest::requestId)
                .containsExactlyInAnyOrder(rows.get(1).requestId(), rows.get(4).requestId(), rows.get(7).requestId(),
                        rows.get(10).requestId());
        assertThat(log.page(account, new LogQuery(LogTab.INVALID, "LANGUAGE_NOT_AVAILABLE", null, from, to, null), 0, 50))
                .extracting(LoggedRequest::requestId)
                .containsExactlyInAnyOrder(rows.get(2).requestId(), rows.get(5).requestId(), rows.get(8).requestId(),
                        rows.get(11).requestId());
        assertThat(log.invalidCountsByError(account, from, to)).containsEntry("EMPLOYEE_NOT_FOUND", 4L)
                .containsEntry("CHANNEL_NOT_ENABLED", 4L).containsEntry("LANGUAGE_NOT_AVAILABLE", 4L);
        assertThat(log.page(account, new LogQuery(LogTab.TEST, null, null, from, to, null), 0, 50)).hasSize(12);
    }

    /**
     * Each error is stored once, as its own row with its field and message: read back exactly, in
     * validation order, whatever the text holds (tabs, newlines, unicode: the old tab-separated
     * column replaced them), on the detail, a page and the export; a malformed request keeps its reason.
     */
    @Test
    void errorsAreReadBackExactlyAsTheyWereFound() {
        AccountId account = companies.create().id();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<RequestError> errors = List.of(
                new RequestError(RequestErrorCode.EMPLOYEE_NOT_FOUND, "employee.email", "No employee with email jö\t@exämple.test exists."),
                new RequestError(RequestErrorCode.INVALID_CUSTOMER, "customer.name", "line one\nline two\r\n日本 🚀"),
                new RequestError(RequestErrorCode.BRAND_NOT_PROVIDED, "brand", ""));
        AgentRequest request = new AgentRequest("e@acme.test", "C", "c@example.com", "email", null, "en", "r");
        LoggedRequest invalid = new LoggedRequest("req_errs_" + System.nanoTime(), account, at, 7, "Live", KeyKind.PRODUCTION, 422,
                errors, null, request, "{}");
        LoggedRequest malformed = new LoggedRequest("req_malf_" + System.nanoTime(), account, at.minusSeconds(1), 7, "Live",
                KeyKind.PRODUCTION, 400, List.of(), "The body is not JSON:\t{oops", request, "{oops");
        LoggedRequest valid = new LoggedRequest("req_ok_" + System.nanoTime(), account, at.minusSeconds(2), 7, "Staging",
                KeyKind.TEST, 202, List.of(), null, request, "{}");
        transactions.executeWithoutResult(status -> log.insertAll(List.of(invalid, malformed, valid)));

        assertThat(log.find(account, invalid.requestId()).orElseThrow().errors()).isEqualTo(errors);
        LoggedRequest readMalformed = log.find(account, malformed.requestId()).orElseThrow();
        assertThat(readMalformed.malformedReason()).isEqualTo("The body is not JSON:\t{oops");
        assertThat(readMalformed.errors()).isEmpty();
        assertThat(log.find(account, valid.requestId()).orElseThrow().failed()).isFalse();

        LogQuery all = new LogQuery(LogTab.INVALID, null, null, at.minusSeconds(60), at.plusSeconds(60), null);
        assertThat(log.page(account, all, 0, 50)).extracting(LoggedRequest::errors, LoggedRequest::malformedReason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(errors, null),
                org.assertj.core.groups.Tuple.tuple(List.of(), "The body is not JSON:\t{oops"));
        List<LoggedRequest> exported = new ArrayList<>();
        log.forEach(account, all, 1, exported::add);
        assertThat(exported).extracting(LoggedRequest::requestId).containsExactly(invalid.requestId(), malformed.requestId());
        assertThat(exported.getFirst().errors()).isEqualTo(errors);
    }

    @Test
    void aLoggedOnlyRequestAnsweredBeforeItsCommitIsSeenByTheNextRead() throws Exception {
        AccountId account = companies.create().id();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> sent = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            sent.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    log.append(new LoggedRequest("req_behind_" + System.nanoTime() + "_" + thread + "_" + i, account, at, 7,
                            "Staging", KeyKind.PRODUCTION, 422,
                            List.of(new RequestError(RequestErrorCode.BRAND_NOT_PROVIDED, "brand", "which brand?")), null,
                            new AgentRequest("ann@acme.test", "Carla", "carla@example.com", "email", null, "en", "r"), "{}"));
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // every append above has returned (the callers were answered); the read must see all of them
        assertThat(log.invalidCountsByError(account, at.minus(Duration.ofMinutes(1)), at.plus(Duration.ofMinutes(1))))
                .containsEntry("BRAND_NOT_PROVIDED", (long) threads * perThread);
    }

    @Test
    void theSummaryCountsTheRequestsOfOneKindOfKeyWhenAsked() {
        AccountId account = companies.create().id();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<LoggedRequest> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            KeyKind kind = i < 2 ? KeyKind.TEST : KeyKind.PRODUCTION;
            rows.add(new LoggedRequest("req_kind_" + System.nanoTime() + "_" + i, account, at, 7, kind.name(), kind, 422,
                    List.of(new RequestError(i % 2 == 0 ? RequestErrorCode.EMPLOYEE_NOT_FOUND : RequestErrorCode.BRAND_NOT_PROVIDED,
                            "x", "y")),
                    null, new AgentRequest("e@acme.test", "C", "c@example.com", "email", null, "en", "r" + i), "{}"));
        }
        transactions.executeWithoutResult(status -> log.insertAll(rows));
        Instant from = at.minusSeconds(60);
        Instant to = at.plusSeconds(60);

        assertThat(log.invalidCountsByError(account, from, to, null)).containsOnly(
                org.assertj.core.api.Assertions.entry("EMPLOYEE_NOT_FOUND", 3L), org.assertj.core.api.Assertions.entry("BRAND_NOT_PROVIDED", 3L));
        assertThat(log.invalidCountsByError(account, from, to, KeyKind.TEST)).containsOnly(
                org.assertj.core.api.Assertions.entry("EMPLOYEE_NOT_FOUND", 1L), org.assertj.core.api.Assertions.entry("BRAND_NOT_PROVIDED", 1L));
        assertThat(log.invalidCountsByError(account, from, to, KeyKind.PRODUCTION)).containsOnly(
                org.assertj.core.api.Assertions.entry("EMPLOYEE_NOT_FOUND", 2L), org.assertj.core.api.Assertions.entry("BRAND_NOT_PROVIDED", 2L));
        assertThat(log.invalidCountsByError(account, at.plusSeconds(1), to, null)).as("outside the range").isEmpty();
    }

    /**
     * The summary reads only the index entries of the range (one range per error code, in_test
     * from the index): before, it read every entry of the account whatever the range.
     */
    @Test
    void theSummaryReadsOnlyTheRangeOfTheIndex() {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                io.syncwatch.testsupport.TestDatabase.connection().kind() == io.syncwatch.testsupport.TestDatabase.Kind.H2_FALLBACK,
                "query plans are checked on MySQL/MariaDB only");
        long account = companies.create().id().value();
        List<Object> params = new ArrayList<>(List.of(account));
        params.addAll(io.syncwatch.agentrequests.domain.ErrorDisplay.STORED_CODES);
        params.add(java.time.LocalDateTime.now().minusDays(1));
        params.add(java.time.LocalDateTime.now());
        params.add(true);
        List<java.util.Map<String, Object>> plan = jdbcTemplate.queryForList("EXPLAIN " + RequestCounts.rowCountsSql(true), params.toArray());
        assertThat(plan).singleElement().satisfies(row -> {
            assertThat(row.get("key")).isEqualTo("ix_ac_request_error_code");
            assertThat(row.get("type")).isEqualTo("range");
            assertThat(String.valueOf(row.get("Extra"))).contains("Using index");
        });
    }

    /**
     * Issue 18, defect 4: a reference or e-mail is found whatever the case typed or stored (the
     * demo's H2 compares case-sensitively), and the page is still read through the tab's index
     * range (or the error code's), never a full scan: the plan is printed and checked.
     */
    @Test
    void searchIgnoresCaseAndStillReadsTheTabsIndexRange() {
        AccountId account = companies.create().id();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<LoggedRequest> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            RequestErrorCode error = i % 2 == 0 ? RequestErrorCode.EMPLOYEE_NOT_FOUND : RequestErrorCode.BRAND_NOT_PROVIDED;
            String email = i == 7 ? "Jo.Smith@Acme.test" : "e" + i + "@acme.test";
            String reference = i == 7 ? "UIW-P-1" : i == 8 ? "DEMO-P-3" : "ref-" + i;
            rows.add(new LoggedRequest("req_case_" + System.nanoTime() + "_" + i, account, at.minusSeconds(i), 7, "Live",
                    KeyKind.PRODUCTION, 422, List.of(new RequestError(error, "x", "y")), null,
                    new AgentRequest(email, "C", "c@example.com", "email", null, "en", reference), "{}"));
        }
        transactions.executeWithoutResult(status -> log.insertAll(rows));
        Instant from = at.minus(Duration.ofDays(1));
        Instant to = at.plusSeconds(1);

        for (String typed : List.of("UIW-P-1", "uiw-p-1", "Uiw-P-1", "jo.smith@acme.test", "JO.SMITH@ACME.TEST", "smith@ACME")) {
            assertThat(log.page(account, new LogQuery(LogTab.INVALID, null, null, from, to, typed), 0, 50))
                    .as("search %s", typed).singleElement()
                    .satisfies(r -> assertThat(r.request().reference()).isEqualTo("UIW-P-1"));
        }
        assertThat(log.page(account, new LogQuery(LogTab.INVALID, null, null, from, to, "DEMO-P-3"), 0, 50))
                .extracting(r -> r.request().reference()).containsExactly("DEMO-P-3");
        assertThat(log.page(account, new LogQuery(LogTab.INVALID, "EMPLOYEE_NOT_FOUND", null, from, to, "demo-p-3"), 0, 50))
                .as("with an error filter the search still applies").extracting(r -> r.request().reference())
                .containsExactly("DEMO-P-3");
        assertThat(log.page(account, new LogQuery(LogTab.INVALID, null, null, from, to, "50%_"), 0, 50))
                .as("LIKE wildcards typed are literal").isEmpty();

        org.junit.jupiter.api.Assumptions.assumeFalse(
                io.syncwatch.testsupport.TestDatabase.connection().kind() == io.syncwatch.testsupport.TestDatabase.Kind.H2_FALLBACK,
                "query plans are checked on MySQL/MariaDB only");
        jdbcTemplate.execute("ANALYZE TABLE ac_request_log");
        jdbcTemplate.execute("ANALYZE TABLE ac_request_error");
        List<Object> params = new ArrayList<>();
        String sql = RequestLogQueries.pageSql(account, new LogQuery(LogTab.INVALID, null, null, from, to, "UIW-P-1"), 50, 0, params);
        var plan = jdbcTemplate.queryForList("EXPLAIN " + sql, params.toArray());
        System.out.println("EXPLAIN search on the Invalid Requests tab: " + plan);
        assertThat(plan).singleElement().satisfies(row -> {
            assertThat(row.get("key")).as("%s", row).isEqualTo("ix_ac_request_log_invalid");
            assertThat(String.valueOf(row.get("type"))).as("%s", row).isIn("range", "ref");
        });

        params.clear();
        sql = RequestLogQueries.pageSql(account, new LogQuery(LogTab.INVALID, "EMPLOYEE_NOT_FOUND", null, from, to, "UIW-P-1"), 50, 0,
                params);
        var byError = jdbcTemplate.queryForList("EXPLAIN " + sql, params.toArray());
        System.out.println("EXPLAIN search with an error filter: " + byError);
        assertThat(byError).hasSize(2).allSatisfy(row -> assertThat(row.get("type")).as("%s", row).isNotEqualTo("ALL"));
        assertThat(byError).anySatisfy(row -> assertThat(row.get("key")).isEqualTo("ix_ac_request_error_code"));
    }

    @Test
    void thePurgeDeletesOldRowsOfEveryAccountThroughTheTabIndexes() {
        AccountId first = companies.create().id();
        AccountId second = companies.create().id();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant old = now.minus(Duration.ofDays(100));
        List<LoggedRequest> rows = new ArrayList<>();
        for (AccountId account : List.of(first, second)) {
            for (Instant at : List.of(old, now)) {
                // an invalid production request (Invalid tab), a valid test one (Test tab), an invalid test one (both)
                rows.add(logged(account, at, KeyKind.PRODUCTION, RequestErrorCode.CHANNEL_NOT_ENABLED));
                rows.add(logged(account, at, KeyKind.TEST, null));
                rows.add(logged(account, at, KeyKind.TEST, RequestErrorCode.EMPLOYEE_NOT_FOUND));
            }
        }
        transactions.executeWithoutResult(status -> log.insertAll(rows));

        assertThat(log.purgeBefore(now.minus(Duration.ofDays(90)))).isGreaterThanOrEqualTo(6);

        for (AccountId account : List.of(first, second)) {
            Instant from = now.minus(Duration.ofDays(365));
            Instant to = now.plusSeconds(1);
            assertThat(log.page(account, new LogQuery(LogTab.INVALID, null, null, from, to, null), 0, 50)).hasSize(2)
                    .allSatisfy(r -> assertThat(r.createdAt()).isEqualTo(now));
            assertThat(log.page(account, new LogQuery(LogTab.TEST, null, null, from, to, null), 0, 50)).hasSize(2)
                    .allSatisfy(r -> assertThat(r.createdAt()).isEqualTo(now));
            assertThat(log.invalidCountsByError(account, from, to)).containsOnly(
                    org.assertj.core.api.Assertions.entry("CHANNEL_NOT_ENABLED", 1L), org.assertj.core.api.Assertions.entry("EMPLOYEE_NOT_FOUND", 1L));
        }
        if (io.syncwatch.testsupport.TestDatabase.connection().kind() != io.syncwatch.testsupport.TestDatabase.Kind.H2_FALLBACK) {
            for (String flag : List.of("in_invalid", "in_test")) {
                var plan = jdbcTemplate.queryForList("EXPLAIN DELETE FROM ac_request_log WHERE account_id = ? AND " + flag
                        + " = TRUE AND created_at < ?", first.value(), java.time.LocalDateTime.now());
                assertThat(plan).singleElement().satisfies(row -> assertThat(row.get("type")).isEqualTo("range"));
            }
        }
    }

    private static LoggedRequest logged(AccountId account, Instant at, KeyKind kind, @org.jspecify.annotations.Nullable RequestErrorCode error) {
        return new LoggedRequest("req_purge_" + System.nanoTime(), account, at, 7, kind.name(), kind, error == null ? 202 : 422,
                error == null ? List.of() : List.of(new RequestError(error, "x", "y")), null,
                new AgentRequest("e@acme.test", "C", "c@example.com", "email", null, "en", "r"), "{}");
    }
}
