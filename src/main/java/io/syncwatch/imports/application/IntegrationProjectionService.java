package io.syncwatch.imports.application;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.imports.application.port.in.IntegrationProjection;
import io.syncwatch.imports.application.port.out.ImportIntegrations;
import io.syncwatch.integrations.IntegrationSnapshot;

/**
 * Applies each integrations event to this module's projection, from the snapshot the event
 * carries. Listeners run concurrently and can see one integration's events out of order
 * (connected and deleted within milliseconds, or one resubmitted a minute later): the projection
 * keeps the newest snapshot by its version (decision 0022), so a late "connected" never brings a
 * deleted integration back as in setup (it had shown under Filters with an Edit button), nor writes
 * its stale filters over a "configured".
 */
@Service
class IntegrationProjectionService implements IntegrationProjection {

    private final ImportIntegrations integrations;
    private final Clock clock;

    IntegrationProjectionService(ImportIntegrations integrations, Clock clock) {
        this.integrations = integrations;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void apply(IntegrationSnapshot integration) {
        integrations.save(integration, clock.instant());
    }
}
