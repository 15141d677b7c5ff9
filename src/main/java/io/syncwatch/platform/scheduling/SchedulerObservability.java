package io.syncwatch.platform.scheduling;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The kernel's scheduler for operators (issue 17.4): the health component {@code scheduler} and the
 * gauge {@code syncwatch_scheduler_lag_seconds}, how long the oldest due execution has waited to be
 * picked by any instance (0 when none is due). The component is DOWN when this instance should
 * execute jobs and its scheduler is not running (stopping included); a lag over
 * {@value #LAG_WARNING_SECONDS} s or executions with stale heartbeats are a WARNING (ordered after UP:
 * the instance still serves, the jobs are late).
 */
@Component("schedulerHealthIndicator")
class SchedulerObservability implements HealthIndicator {

    static final long LAG_WARNING_SECONDS = 300;
    static final Status WARNING = new Status("WARNING", "Jobs are late or executions have stale heartbeats");

    private final Scheduler scheduler;
    private final SchedulingSettings settings;
    private final JdbcTemplate jdbc;
    private final String table;

    SchedulerObservability(Scheduler scheduler, SchedulingSettings settings,
            SchedulingConfiguration.TableName table, DataSource dataSource, MeterRegistry meters) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.jdbc = new JdbcTemplate(dataSource);
        this.table = table.value();
        Gauge.builder("syncwatch.scheduler.lag", this, s -> s.lag().toMillis() / 1000.0).baseUnit("seconds")
                .description("How long the oldest due job execution has waited to be picked (0 when none is due)")
                .register(meters);
    }

    /** How long the oldest due, unpicked execution has waited. */
    Duration lag() {
        try {
            Timestamp oldest = jdbc.queryForObject("SELECT MIN(execution_time) FROM " + table + " WHERE picked = false",
                    Timestamp.class);
            if (oldest == null) {
                return Duration.ZERO;
            }
            Duration waited = Duration.between(oldest.toInstant(), Instant.now());
            return waited.isNegative() ? Duration.ZERO : waited;
        } catch (DataAccessException e) {
            return Duration.ZERO; // the database health component reports the outage
        }
    }

    @Override
    public Health health() {
        SchedulerState state = scheduler.getSchedulerState();
        Duration lag = lag();
        Health.Builder health;
        if (!settings.enabled()) {
            health = Health.up().withDetail("executing", false);
        } else if (state.isShuttingDown() || !state.isStarted()) {
            health = Health.down().withDetail("executing", false);
        } else {
            int stale = scheduler.getCurrentlyExecutingWithStaleHeartbeat().size();
            health = lag.toSeconds() > LAG_WARNING_SECONDS || stale > 0 ? Health.status(WARNING) : Health.up();
            health.withDetail("executing", !state.isPaused()).withDetail("running", scheduler.getCurrentlyExecuting().size())
                    .withDetail("staleHeartbeats", stale);
        }
        return health.withDetail("lagSeconds", lag.toSeconds()).withDetail("table", table).build();
    }
}
