package io.syncwatch.integrations;

import java.time.Instant;

/** New credentials were entered and tested (the credentials themselves never travel). */
public record IntegrationReconnected(IntegrationSnapshot integration, String actor, Instant occurredAt)
        implements IntegrationEvent {
}
