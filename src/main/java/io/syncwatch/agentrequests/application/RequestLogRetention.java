package io.syncwatch.agentrequests.application;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.syncwatch.agentrequests.application.port.out.RequestLog;

/** Purges logged requests older than {@code syncwatch.agentrequests.retention} (default 90 days). */
@Service
public class RequestLogRetention {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLogRetention.class);

    private final RequestLog log;
    private final Clock clock;
    private final Duration retention;

    @Autowired
    RequestLogRetention(RequestLog log, Clock clock, AgentRequestsProperties properties) {
        this(log, clock, properties.retention());
    }

    RequestLogRetention(RequestLog log, Clock clock, Duration retention) {
        this.log = log;
        this.clock = clock;
        this.retention = retention;
    }

    /** Run daily by the kernel's scheduler ({@code syncwatch.agentrequests.retention-cron}, 03:17 UTC). */
    public int purge() {
        int purged = log.purgeBefore(clock.instant().minus(retention));
        if (purged > 0) {
            LOG.info("Purged {} logged Agent Connect requests older than {}", purged, retention);
        }
        return purged;
    }
}
