package io.syncwatch.integrations;

import java.time.Instant;

/** Name, schedule, environment, filters, start date or status criteria changed. */
public record IntegrationConfigured(IntegrationSnapshot integration, String actor, Instant occurredAt)
        implements IntegrationEvent {
}
