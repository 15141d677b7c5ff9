package io.syncwatch.integrations.adapter.out.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One entry of an integration's audit trail in {@code integration_audit} (append-only). */
@Table("integration_audit")
record IntegrationAuditRow(@Id @Nullable Long id, long accountId, long integrationId, Instant at, String actor, String action,
        String detail) {
}
