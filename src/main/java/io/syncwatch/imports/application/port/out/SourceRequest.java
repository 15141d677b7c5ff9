package io.syncwatch.imports.application.port.out;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.SourceCredentials;

/**
 * One page request to a connector: whose integration, with which credentials, from which
 * checkpoint (the opaque value the connector returned with the last committed page, or
 * {@code null} on the first run, when {@code startFrom} — the historical start date — applies).
 */
public record SourceRequest(IntegrationId integration, SourceCredentials credentials, @Nullable String checkpoint,
        Instant startFrom, int pageSize) {

    @Override
    public String toString() {
        return "SourceRequest[integration=" + integration + ", checkpoint=" + checkpoint + ", startFrom=" + startFrom
                + ", pageSize=" + pageSize + "]";
    }
}
