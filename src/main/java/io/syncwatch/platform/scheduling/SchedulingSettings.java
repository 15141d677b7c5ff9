package io.syncwatch.platform.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code syncwatch.scheduling.*}: whether this instance executes scheduled work at all, and
 * db-scheduler's timings. An execution whose instance died is revived once its heartbeat is
 * {@code heartbeatInterval × missedHeartbeatsLimit} old (60 s by default); {@code shutdownMaxWait}
 * is how long a graceful stop waits for running executions to reach a safe point.
 *
 * @param enabled         false: nothing is executed by this instance (scheduling still writes)
 * @param table           db-scheduler's table
 * @param privateTable    true: a table of this application context's own (created on start,
 *                        dropped on stop), so that contexts on one database do not execute each
 *                        other's work (tests)
 */
@ConfigurationProperties("syncwatch.scheduling")
public record SchedulingSettings(boolean enabled, String table, boolean privateTable, Duration pollingInterval,
        int threads, Duration heartbeatInterval, int missedHeartbeatsLimit, Duration shutdownMaxWait) {

    public SchedulingSettings {
        table = table == null || table.isBlank() ? "scheduled_tasks" : table;
        pollingInterval = pollingInterval == null ? Duration.ofSeconds(10) : pollingInterval;
        threads = threads <= 0 ? 4 : threads;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(10) : heartbeatInterval;
        missedHeartbeatsLimit = missedHeartbeatsLimit <= 0 ? 6 : missedHeartbeatsLimit;
        shutdownMaxWait = shutdownMaxWait == null ? Duration.ofSeconds(20) : shutdownMaxWait;
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("syncwatch.scheduling.table must be a plain table name: " + table);
        }
    }

    /** How old a running execution's heartbeat may get before another instance revives it. */
    public Duration deadAfter() {
        return heartbeatInterval.multipliedBy(missedHeartbeatsLimit);
    }
}
