package io.syncwatch.integrations;

import java.time.Instant;

/** A development integration went inactive automatically (no API request for 14 days). */
public record IntegrationMarkedInactive(IntegrationSnapshot integration, String reason, Instant occurredAt)
        implements IntegrationEvent {
}
