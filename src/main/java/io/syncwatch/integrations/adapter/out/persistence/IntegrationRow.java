package io.syncwatch.integrations.adapter.out.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An integration as stored in {@code integration} (Spring Data JDBC; filters as {@code ImportFiltersJson}). */
@Table("integration")
record IntegrationRow(@Id @Nullable Long id, long accountId, String name, String platform, String environment, String schedule,
        String filters, boolean filtersConfigured, String lifecycle, @Nullable String pauseReason, @Nullable String pauseDetail,
        String credentials, Instant connectedAt, Instant lastApiRequestAt) {
}
