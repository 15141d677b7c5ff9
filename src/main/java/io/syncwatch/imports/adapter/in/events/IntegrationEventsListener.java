package io.syncwatch.imports.adapter.in.events;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.syncwatch.imports.application.port.in.IntegrationProjection;
import io.syncwatch.integrations.IntegrationConfigured;
import io.syncwatch.integrations.IntegrationConnected;
import io.syncwatch.integrations.IntegrationDeleted;
import io.syncwatch.integrations.IntegrationMarkedInactive;
import io.syncwatch.integrations.IntegrationPaused;
import io.syncwatch.integrations.IntegrationReconnected;
import io.syncwatch.integrations.IntegrationResumed;

/** Keeps the projection of integrations (schedule, filters, lifecycle) current; every event carries the snapshot. */
@Component
class IntegrationEventsListener {

    private final IntegrationProjection projection;

    IntegrationEventsListener(IntegrationProjection projection) {
        this.projection = projection;
    }

    @ApplicationModuleListener
    void on(IntegrationConnected event) {
        projection.apply(event.integration());
    }

    @ApplicationModuleListener
    void on(IntegrationConfigured event) {
        projection.apply(event.integration());
    }

    @ApplicationModuleListener
    void on(IntegrationPaused event) {
        projection.apply(event.integration());
    }

    @ApplicationModuleListener
    void on(IntegrationResumed event) {
        projection.apply(event.integration());
    }

    @ApplicationModuleListener
    void on(IntegrationReconnected event) {
        projection.apply(event.integration());
    }

    @ApplicationModuleListener
    void on(IntegrationDeleted event) {
        projection.apply(event.integration());
    }

    @ApplicationModuleListener
    void on(IntegrationMarkedInactive event) {
        projection.apply(event.integration());
    }
}
