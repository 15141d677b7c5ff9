package io.syncwatch.platform.scheduling;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * {@code syncwatch.scheduling.*}: whether this instance executes scheduled work at all, and
 * db-scheduler's timings. An execution whose instance died is revived once its heartbeat is
 * {@code heartbeatInterval × missedHeartbeatsLimit} old (60 s by default); {@code shutdownMaxWait}
 * is how long a graceful stop waits for running executions to reach a safe point. The defaults are
 * here and nowhere else; an invalid value stops the start-up with the property's name.
 *
 * @param enabled               false: nothing is executed by this instance (scheduling still writes; one-off commands)
 * @param table                 db-scheduler's table
 * @param privateTable          true: a table of this application context's own (created on start,
 *                              dropped on stop), so that contexts on one database do not execute each
 *                              other's work (tests)
 * @param pollingInterval       how often each instance looks for due work
 * @param threads               how many jobs one instance runs at once
 * @param heartbeatInterval     a running job beats this often
 * @param missedHeartbeatsLimit a job whose heartbeat missed this many beats is revived elsewhere or after a restart
 * @param shutdownMaxWait       how long a graceful stop waits for running jobs to reach a safe point (an import: its
 *                              current page)
 */
@ConfigurationProperties("syncwatch.scheduling")
@Validated
public record SchedulingSettings(@DefaultValue("true") boolean enabled,
        @DefaultValue("scheduled_tasks") @NotNull @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,40}",
                message = "must be a plain table name") String table,
        @DefaultValue("false") boolean privateTable,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration pollingInterval,
        @DefaultValue("4") @Positive int threads,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration heartbeatInterval,
        @DefaultValue("6") @Positive int missedHeartbeatsLimit,
        @DefaultValue("20s") @NotNull @DurationMin(millis = 0) Duration shutdownMaxWait) {

    /** How old a running execution's heartbeat may get before another instance revives it. */
    public Duration deadAfter() {
        return heartbeatInterval.multipliedBy(missedHeartbeatsLimit);
    }
}
