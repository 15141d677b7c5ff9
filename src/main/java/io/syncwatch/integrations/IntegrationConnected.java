package io.syncwatch.integrations;

import java.time.Instant;

/** A new integration was connected (credentials tested and stored). */
public record IntegrationConnected(IntegrationSnapshot integration, String actor, Instant occurredAt)
        implements IntegrationEvent {
}
