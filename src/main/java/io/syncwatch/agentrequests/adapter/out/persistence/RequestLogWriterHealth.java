package io.syncwatch.agentrequests.adapter.out.persistence;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The request log's group-commit writer in {@code /actuator/health} as component
 * {@code requestLogWriter} (issue 17.4): DOWN when the writer is not running (this instance cannot
 * log Requests API traffic) or its oldest waiting row has waited longer than {@value #STUCK_SECONDS} s
 * (the database does not take the commits); details: backlog (rows waiting) and the oldest row's wait.
 */
@Component("requestLogWriterHealthIndicator")
class RequestLogWriterHealth implements HealthIndicator {

    static final long STUCK_SECONDS = 30;

    private final JdbcRequestLog log;

    RequestLogWriterHealth(JdbcRequestLog log) {
        this.log = log;
    }

    @Override
    public Health health() {
        GroupCommit<?> writer = log.writer();
        Duration oldest = writer.oldestWaiting();
        Health.Builder health = !writer.isRunning() || oldest.toSeconds() > STUCK_SECONDS ? Health.down() : Health.up();
        return health.withDetail("running", writer.isRunning()).withDetail("backlog", writer.backlog())
                .withDetail("oldestWaitingMillis", oldest.toMillis()).build();
    }
}
