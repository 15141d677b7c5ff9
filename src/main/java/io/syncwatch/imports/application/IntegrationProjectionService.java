package io.syncwatch.imports.application;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.imports.application.port.in.IntegrationProjection;
import io.syncwatch.imports.application.port.out.ImportIntegrations;
import io.syncwatch.integrations.IntegrationSnapshot;

/** Applies each integrations event's snapshot to this module's projection. */
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
