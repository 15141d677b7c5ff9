package io.syncwatch.integrations;

import java.time.Instant;

/** The integration was deleted: it stops for good; its imported contacts stay. */
public record IntegrationDeleted(IntegrationSnapshot integration, String actor, Instant occurredAt)
        implements IntegrationEvent {
}
