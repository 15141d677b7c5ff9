package io.syncwatch.agentrequests.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestDatabase;

/**
 * Day partitions of the request log on MySQL / MariaDB (issue 20): the tables are partitioned by
 * the migration, the app creates the coming days' partitions, and retention drops whole days
 * (on copies of the tables, so that other tests' rows stay). On H2 there are no partitions (the
 * purge deletes rows; {@code RequestCountBucketsTest} covers it there).
 */
@SpringBootTest
@Import({ TestAccounts.class, SignedIn.class })
class RequestLogPartitionsTest {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void realServer() {
        assumeTrue(TestDatabase.connection().kind() != TestDatabase.Kind.H2_FALLBACK, "H2 has no partitions: the purge deletes rows there");
    }

    @Test
    void bothTablesArePartitionedByDayWithTheComingWeekCreatedAtStart() {
        RequestLogPartitions partitions = new RequestLogPartitions(jdbc);
        assertThat(partitions.partitioned()).isTrue();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String table : List.of("ac_request_log", "ac_request_error")) {
            List<RequestLogPartitions.Partition> parts = partitions.partitions(table);
            assertThat(parts.getLast()).isEqualTo(new RequestLogPartitions.Partition("pmax", null));
            assertThat(parts).extracting(RequestLogPartitions.Partition::before)
                    .contains(today.plusDays(1), today.plusDays(RequestLogPurge.PARTITION_DAYS_AHEAD + 1));
        }
        assertThat(partitions.partitions("ac_request_error")).isEqualTo(partitions.partitions("ac_request_log"));
    }

    @Test
    void retentionDropsWholeDaysAndTheComingDaysAreCreated() {
        String suffix = Long.toHexString(System.nanoTime());
        String log = "ac_request_log_pt_" + suffix;
        String errors = "ac_request_error_pt_" + suffix;
        try {
            for (String[] t : new String[][] { { log, "ac_request_log" }, { errors, "ac_request_error" } }) {
                jdbc.execute("CREATE TABLE " + t[0] + " LIKE " + t[1]);
                jdbc.execute("ALTER TABLE " + t[0] + " PARTITION BY RANGE COLUMNS(created_at) ("
                        + "PARTITION p_before VALUES LESS THAN ('2026-01-01 00:00:00'), "
                        + "PARTITION p20260101 VALUES LESS THAN ('2026-01-02 00:00:00'), "
                        + "PARTITION p20260102 VALUES LESS THAN ('2026-01-03 00:00:00'), "
                        + "PARTITION pmax VALUES LESS THAN (MAXVALUE))");
            }
            long id = 1;
            for (String at : List.of("2025-12-30T08:00", "2025-12-31T23:59:59", "2026-01-01T00:00", "2026-01-01T12:00",
                    "2026-01-02T00:00", "2026-01-02T23:00")) {
                insert(log, errors, id++, LocalDateTime.parse(at));
            }
            RequestLogPartitions partitions = new RequestLogPartitions(jdbc, log, errors);

            assertThat(partitions.dropBefore(LocalDateTime.parse("2026-01-02T00:00"))).as("log rows dropped").isEqualTo(4);

            for (String table : List.of(log, errors)) {
                assertThat(jdbc.queryForList("SELECT created_at FROM " + table + " ORDER BY created_at", LocalDateTime.class))
                        .containsExactly(LocalDateTime.parse("2026-01-02T00:00"), LocalDateTime.parse("2026-01-02T23:00"));
                assertThat(partitions.partitions(table)).extracting(RequestLogPartitions.Partition::name).containsExactly("p20260102", "pmax");
            }
            assertThat(partitions.dropBefore(LocalDateTime.parse("2026-01-02T00:00"))).as("nothing more to drop").isZero();

            partitions.createUpTo(LocalDate.parse("2026-01-05"));
            partitions.createUpTo(LocalDate.parse("2026-01-05")); // again: nothing to do
            for (String table : List.of(log, errors)) {
                assertThat(partitions.partitions(table)).extracting(RequestLogPartitions.Partition::name)
                        .containsExactly("p20260102", "p20260103", "p20260104", "p20260105", "pmax");
            }
            insert(log, errors, id, LocalDateTime.parse("2026-01-04T10:00"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + log + " PARTITION (p20260104)", Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + log + " PARTITION (pmax)", Long.class)).isZero();
        } finally {
            jdbc.execute("DROP TABLE IF EXISTS " + log);
            jdbc.execute("DROP TABLE IF EXISTS " + errors);
        }
    }

    private void insert(String log, String errors, long id, LocalDateTime at) {
        jdbc.update("INSERT INTO " + log + " (id, request_id, account_id, created_at, key_id, key_name, key_kind, in_test, in_invalid,"
                + " response_status, error_count) VALUES (?, ?, 1, ?, 1, 'k', 'TEST', TRUE, TRUE, 422, 1)", id, "req_pt_" + id, at);
        jdbc.update("INSERT INTO " + errors + " (log_id, account_id, code, created_at, in_test) VALUES (?, 1, 'INVALID_CUSTOMER', ?, TRUE)",
                id, at);
    }
}
