package io.syncwatch.agentrequests.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.syncwatch.agentrequests.domain.ErrorDisplay;

/**
 * The request log's retention: removes the rows of the whole UTC days before the cutoff's day (at
 * most one day more than the retention is kept), then those days' count buckets, so the buckets
 * stay equal to the rows. Where the log is partitioned by day (MySQL, MariaDB) it first creates
 * the partitions of the coming days and drops the old days' partitions whole; the chunked DELETE
 * that follows then finds only rows of a partition that straddles the cutoff ({@code p_before})
 * and is all there is on H2.
 */
final class RequestLogPurge {

    /** Rows the retention purge deletes per statement. */
    static final int PURGE_CHUNK_ROWS = 5_000;

    /** Day partitions created ahead of today (at start and by each purge run). */
    static final int PARTITION_DAYS_AHEAD = 7;

    private static final String CODE_MARKS = String.join(", ", Collections.nCopies(ErrorDisplay.STORED_CODES.size(), "?"));

    private final JdbcClient jdbc;
    private final RequestLogPartitions partitions;

    RequestLogPurge(JdbcClient jdbc, RequestLogPartitions partitions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
    }

    /** Creates the partitions of the coming days (where the log is partitioned). */
    void createPartitionsAhead() {
        partitions.createUpTo(LocalDate.now(ZoneOffset.UTC).plusDays(PARTITION_DAYS_AHEAD));
    }

    int purgeBefore(Instant cutoff) {
        LocalDateTime at = Timestamps.of(cutoff).truncatedTo(ChronoUnit.DAYS);
        createPartitionsAhead();
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
}
