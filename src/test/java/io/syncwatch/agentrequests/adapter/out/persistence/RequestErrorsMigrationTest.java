package io.syncwatch.agentrequests.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.RequestError;
import io.syncwatch.agentrequests.domain.RequestErrorCode;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.ScratchDatabase;

/**
 * Migration agentrequests V12 (errors stored once): rows written the old way — the errors as
 * tab-separated lines in {@code ac_request_log.errors} beside their code rows — are migrated on
 * the real server (a database of its own, with the day partitions of V11) and on H2, and read back
 * through the request log with every field and message they had, unicode included.
 */
class RequestErrorsMigrationTest {

    private static final long ACCOUNT = 7;
    private final LocalDateTime at = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusHours(1);

    @Test
    void onTheRealServer() throws Exception {
        try (var db = ScratchDatabase.onServer("sw_migration")) {
            migrateOldRowsAndReadThemBack(db);
        }
    }

    @Test
    void onH2() throws Exception {
        try (var db = ScratchDatabase.onH2("migration")) {
            migrateOldRowsAndReadThemBack(db);
        }
    }

    private void migrateOldRowsAndReadThemBack(ScratchDatabase db) {
        // the version before V12: V11 (day partitions) exists on MySQL/MariaDB only
        db.migrate("agentrequests", db.isH2() ? "10" : "11");
        DataSource data = db.dataSource();
        JdbcTemplate jdbc = new JdbcTemplate(data);
        // as the old writer stored them: one "CODE<tab>field<tab>message<newline>" line per error, tabs and newlines
        // of the texts replaced by spaces; a malformed request's one line without a newline
        oldRow(jdbc, 1, "req_old_1", "EMPLOYEE_NOT_FOUND\temployee.email\tNo employee with email jö@exämple.test exists.\n"
                + "INVALID_CUSTOMER\tcustomer.email\tThe customer email is malformed: 日本 🚀 ok\n"
                + "LANGUAGE_NOT_AVAILABLE\tlanguage\tThe language xx is not offered.\n",
                "EMPLOYEE_NOT_FOUND", "INVALID_CUSTOMER", "LANGUAGE_NOT_AVAILABLE");
        oldRow(jdbc, 2, "req_old_2", "MALFORMED_REQUEST\tbody\tThe body is not JSON.", "MALFORMED_REQUEST");
        oldRow(jdbc, 3, "req_old_3", null);
        // the old column was cut at 8,000 bytes: an error whose line was cut away keeps its code, without a field or message
        oldRow(jdbc, 4, "req_old_4", "BRAND_NOT_PROVIDED\tbrand\tThe company has several active brands; give one.\nCHANNEL_NOT_EN",
                "CHANNEL_NOT_ENABLED", "BRAND_NOT_PROVIDED");

        db.migrate("agentrequests");

        RequestLogQueries log = new RequestLogQueries(JdbcClient.create(data));
        AccountId account = AccountId.of(ACCOUNT);
        assertThat(log.find(account, "req_old_1").orElseThrow().errors()).containsExactly(
                new RequestError(RequestErrorCode.EMPLOYEE_NOT_FOUND, "employee.email", "No employee with email jö@exämple.test exists."),
                new RequestError(RequestErrorCode.INVALID_CUSTOMER, "customer.email", "The customer email is malformed: 日本 🚀 ok"),
                new RequestError(RequestErrorCode.LANGUAGE_NOT_AVAILABLE, "language", "The language xx is not offered."));
        LoggedRequest malformed = log.find(account, "req_old_2").orElseThrow();
        assertThat(malformed.malformedReason()).isEqualTo("The body is not JSON.");
        assertThat(malformed.errorCodes()).containsExactly(LoggedRequest.MALFORMED);
        assertThat(log.find(account, "req_old_3").orElseThrow().failed()).isFalse();
        assertThat(log.find(account, "req_old_4").orElseThrow().errors()).containsExactly(
                new RequestError(RequestErrorCode.CHANNEL_NOT_ENABLED, "", ""),
                new RequestError(RequestErrorCode.BRAND_NOT_PROVIDED, "brand", "The company has several active brands; give one."));

        Instant from = at.minusDays(1).toInstant(ZoneOffset.UTC);
        Instant to = at.plusDays(1).toInstant(ZoneOffset.UTC);
        assertThat(log.page(account, new LogQuery(LogTab.INVALID, null, null, from, to, null), 0, 50))
                .extracting(LoggedRequest::requestId, LoggedRequest::errorCodes).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("req_old_4", List.of("CHANNEL_NOT_ENABLED", "BRAND_NOT_PROVIDED")),
                        org.assertj.core.groups.Tuple.tuple("req_old_2", List.of(LoggedRequest.MALFORMED)),
                        org.assertj.core.groups.Tuple.tuple("req_old_1",
                                List.of("EMPLOYEE_NOT_FOUND", "INVALID_CUSTOMER", "LANGUAGE_NOT_AVAILABLE")));
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE "
                + (db.isH2() ? "table_schema = 'PUBLIC'" : "table_schema = DATABASE()")
                + " AND LOWER(table_name) = 'ac_request_log' AND LOWER(column_name) = 'errors'");
        assertThat(columns).as("the tab-separated copy is gone").isEmpty();
    }

    private void oldRow(JdbcTemplate jdbc, long id, String requestId, @Nullable String errors, String... codes) {
        LocalDateTime created = at.plusSeconds(id);
        jdbc.update("""
                INSERT INTO ac_request_log (id, request_id, account_id, created_at, key_id, key_name, key_kind, in_test, in_invalid,
                  response_status, primary_error, error_count, errors, raw_body) VALUES (?, ?, ?, ?, 1, 'k', 'TEST', TRUE, ?, ?, ?, ?, ?, '{}')""",
                id, requestId, ACCOUNT, created, codes.length > 0, codes.length == 0 ? 202 : 422,
                codes.length == 0 ? null : codes[0], codes.length, errors);
        for (String code : codes) {
            jdbc.update("INSERT INTO ac_request_error (log_id, account_id, code, created_at, in_test) VALUES (?, ?, ?, ?, TRUE)", id,
                    ACCOUNT, code, created);
        }
    }
}
