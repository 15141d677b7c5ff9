package io.syncwatch.agentrequests.adapter.out.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Day partitions of the request log's two tables on MySQL and MariaDB (issue 20):
 * {@code PARTITION BY RANGE COLUMNS(created_at)} with one partition per UTC day
 * ({@code pYYYYMMDD}, rows before the next midnight), {@code p_before} for the rows that were there
 * when the tables were partitioned, and {@code pmax} (MAXVALUE) that stays empty as long as
 * partitions are created ahead. Retention drops whole partitions instead of deleting rows.
 * On a database without partitions (H2, or tables not partitioned) every method does nothing and
 * the purge deletes rows as before.
 */
final class RequestLogPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLogPartitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMMdd");

    /** A partition of a table: its name and the day its rows end before (null for MAXVALUE). */
    record Partition(String name, LocalDate before) {
    }

    private final JdbcTemplate jdbc;
    private final String logTable;
    private final String errorTable;
    private volatile Boolean partitioned;

    RequestLogPartitions(JdbcTemplate jdbc) {
        this(jdbc, "ac_request_log", "ac_request_error");
    }

    /** On other tables of the same shape (tests). */
    RequestLogPartitions(JdbcTemplate jdbc, String logTable, String errorTable) {
        this.jdbc = jdbc;
        this.logTable = logTable;
        this.errorTable = errorTable;
    }

    /** Whether the request log is partitioned here (MySQL or MariaDB with the partitioning migration). */
    boolean partitioned() {
        Boolean known = partitioned;
        if (known == null) {
            try {
                String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) con -> con.getMetaData()
                        .getDatabaseProductName());
                known = product != null && (product.toLowerCase().contains("mysql") || product.toLowerCase().contains("mariadb"))
                        && !partitions(logTable).isEmpty();
            } catch (DataAccessException e) {
                LOG.warn("Could not tell whether the request log is partitioned; purging by DELETE", e);
                known = false;
            }
            partitioned = known;
        }
        return known;
    }

    /** The table's range partitions, in order (pmax last, with a null bound). */
    List<Partition> partitions(String table) {
        return jdbc.query("SELECT PARTITION_NAME, PARTITION_DESCRIPTION FROM information_schema.PARTITIONS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND PARTITION_NAME IS NOT NULL ORDER BY PARTITION_ORDINAL_POSITION",
                (rs, n) -> new Partition(rs.getString(1), bound(rs.getString(2))), table);
    }

    /** {@code '2026-12-05 00:00:00'} (RANGE COLUMNS quotes it) or {@code MAXVALUE}. */
    private static LocalDate bound(String description) {
        if (description == null || description.equalsIgnoreCase("MAXVALUE")) {
            return null;
        }
        String d = description.replace("'", "").trim();
        return LocalDate.parse(d.substring(0, 10));
    }

    /**
     * Makes sure both tables have a day partition for every day up to {@code lastDay}: splits the
     * (normally empty) {@code pmax}. Safe to call from several instances: a split another instance
     * made first is seen as done.
     */
    void createUpTo(LocalDate lastDay) {
        if (!partitioned()) {
            return;
        }
        for (String table : List.of(logTable, errorTable)) {
            List<Partition> existing = partitions(table);
            LocalDate highest = existing.stream().map(Partition::before).filter(b -> b != null).max(LocalDate::compareTo).orElse(null);
            if (highest == null) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (LocalDate before = highest.plusDays(1); !before.isAfter(lastDay.plusDays(1)); before = before.plusDays(1)) {
                parts.add("PARTITION " + before.minusDays(1).format(NAME) + " VALUES LESS THAN ('" + before + " 00:00:00')");
            }
            if (parts.isEmpty()) {
                continue;
            }
            parts.add("PARTITION pmax VALUES LESS THAN (MAXVALUE)");
            try {
                jdbc.execute("ALTER TABLE " + table + " REORGANIZE PARTITION pmax INTO (" + String.join(", ", parts) + ")");
                LOG.info("Request log: {} partitions of {} created up to {}", parts.size() - 1, table, lastDay);
            } catch (DataAccessException e) {
                // another instance split pmax first (same names): fine if the days are there now
                if (partitions(table).stream().map(Partition::before).filter(b -> b != null).noneMatch(b -> !b.isBefore(lastDay.plusDays(1)))) {
                    throw e;
                }
            }
        }
    }

    /**
     * Drops the partitions whose rows are all before {@code cutoffDay} (the day partitions before
     * it, and {@code p_before} once it lies wholly before it); returns how many log rows they held.
     */
    int dropBefore(LocalDateTime cutoffDay) {
        if (!partitioned()) {
            return 0;
        }
        LocalDate cutoff = cutoffDay.toLocalDate();
        int rows = 0;
        // the error rows first, as the DELETE fallback does: an error row never outlives its log row
        for (String table : List.of(errorTable, logTable)) {
            List<String> old = partitions(table).stream().filter(p -> p.before() != null && !p.before().isAfter(cutoff))
                    .map(Partition::name).toList();
            if (old.isEmpty()) {
                continue;
            }
            if (table.equals(logTable)) {
                for (String p : old) {
                    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + logTable + " PARTITION (" + p + ")", Long.class);
                    rows += n == null ? 0 : n.intValue();
                }
            }
            try {
                jdbc.execute("ALTER TABLE " + table + " DROP PARTITION " + String.join(", ", old));
            } catch (DataAccessException e) {
                // another instance dropped them first: fine if they are gone
                List<String> left = partitions(table).stream().map(Partition::name).filter(old::contains).toList();
                if (!left.isEmpty()) {
                    throw e;
                }
            }
            LOG.info("Request log: dropped partitions {} of {} (rows before {})", old, table, cutoff);
        }
        return rows;
    }
}
