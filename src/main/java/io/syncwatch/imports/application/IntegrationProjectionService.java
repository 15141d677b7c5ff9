package io.syncwatch.imports.application;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.imports.application.port.in.IntegrationProjection;
import io.syncwatch.imports.application.port.out.ImportIntegrations;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.integrations.IntegrationSnapshot;

/**
 * Applies each integrations event to this module's projection. Listeners run concurrently and can
 * see one integration's events out of order (connected and deleted within milliseconds): the
 * integration's current snapshot is applied rather than the event's, so a late "connected" never
 * brings a deleted integration back as in setup (it had shown under Filters with an Edit button).
 * Two appliers of one integration take turns on its row's lock before reading the snapshot: without
 * it, a "connected" that read the snapshot before a "configured" committed could write its stale
 * filters after the "configured" wrote the new ones (last write wins).
 */
@Service
class IntegrationProjectionService implements IntegrationProjection {

    private final ImportIntegrations integrations;
    private final IntegrationOperations operations;
    private final Clock clock;

    IntegrationProjectionService(ImportIntegrations integrations, IntegrationOperations operations,
            Clock clock) {
        this.integrations = integrations;
        this.operations = operations;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void apply(IntegrationSnapshot integration) {
        // the lock comes before the first read of the transaction, so the read sees every change
        // committed by the applier that held it before
        integrations.hold(integration, clock.instant());
        IntegrationSnapshot current = operations.find(integration.accountId(), integration.id()).orElse(integration);
        integrations.save(current, clock.instant());
    }
}
