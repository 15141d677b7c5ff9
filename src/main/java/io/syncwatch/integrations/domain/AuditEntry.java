package io.syncwatch.integrations.domain;

import java.time.Instant;

/** Who changed what on an integration, and when. */
public record AuditEntry(Instant at, String actor, String action, String detail) {
}
