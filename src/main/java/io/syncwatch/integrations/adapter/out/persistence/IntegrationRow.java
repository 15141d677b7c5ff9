package io.syncwatch.integrations.adapter.out.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An integration as stored in {@code integration} (Spring Data JDBC; filters as {@code ImportFiltersJson}).
 * {@code version} is the aggregate's optimistic lock (integrations V4): every save increases it, and a
 * save of a copy read before another save fails instead of overwriting it, so that each version is one
 * state, the order other modules' projections apply snapshots in (decision 0022). 0 means never stored.
 */
@Table("integration")
record IntegrationRow(@Id @Nullable Long id, @Version long version, long accountId, String name, String platform,
        String environment, String schedule, String filters, boolean filtersConfigured, String lifecycle,
        @Nullable String pauseReason, @Nullable String pauseDetail, String credentials, Instant connectedAt, Instant lastApiRequestAt) {
}
