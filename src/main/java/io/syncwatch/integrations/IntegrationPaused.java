package io.syncwatch.integrations;

import java.time.Instant;

/** The integration stopped running: manually, for invalid credentials or for quality assurance (see the snapshot's pause reason). */
public record IntegrationPaused(IntegrationSnapshot integration, String actor, Instant occurredAt)
        implements IntegrationEvent {
}
