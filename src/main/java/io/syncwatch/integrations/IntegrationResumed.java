package io.syncwatch.integrations;

import java.time.Instant;

/** A paused or inactive integration was resumed / reactivated / re-enabled. */
public record IntegrationResumed(IntegrationSnapshot integration, String actor, Instant occurredAt)
        implements IntegrationEvent {
}
