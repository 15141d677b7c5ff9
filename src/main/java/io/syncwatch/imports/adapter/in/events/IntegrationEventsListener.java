package io.syncwatch.imports.adapter.in.events;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.syncwatch.imports.application.port.in.IntegrationProjection;
import io.syncwatch.integrations.IntegrationEvent;

/**
 * Keeps the projection of integrations (schedule, filters, lifecycle) current: every integrations
 * event, whatever its kind, carries the snapshot after the change, and that is all imports needs.
 */
@Component
class IntegrationEventsListener {

    private final IntegrationProjection projection;

    IntegrationEventsListener(IntegrationProjection projection) {
        this.projection = projection;
    }

    @ApplicationModuleListener
    void on(IntegrationEvent event) {
        projection.apply(event.integration());
    }
}
