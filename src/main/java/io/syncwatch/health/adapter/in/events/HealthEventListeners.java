package io.syncwatch.health.adapter.in.events;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.syncwatch.health.application.port.in.HealthTracking;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunRetrying;
import io.syncwatch.imports.ImportRunStarted;
import io.syncwatch.integrations.IntegrationConfigured;
import io.syncwatch.integrations.IntegrationConnected;
import io.syncwatch.integrations.IntegrationDeleted;
import io.syncwatch.integrations.IntegrationMarkedInactive;
import io.syncwatch.integrations.IntegrationPaused;
import io.syncwatch.integrations.IntegrationReconnected;
import io.syncwatch.integrations.IntegrationResumed;

/** Feeds the integrations' and imports' events into the health records. */
@Component
class HealthEventListeners {

    private final HealthTracking tracking;

    HealthEventListeners(HealthTracking tracking) {
        this.tracking = tracking;
    }

    @ApplicationModuleListener
    void on(IntegrationConnected event) {
        tracking.integrationChanged(event.integration());
    }

    @ApplicationModuleListener
    void on(IntegrationConfigured event) {
        tracking.integrationChanged(event.integration());
    }

    @ApplicationModuleListener
    void on(IntegrationPaused event) {
        tracking.integrationChanged(event.integration());
    }

    @ApplicationModuleListener
    void on(IntegrationResumed event) {
        tracking.integrationChanged(event.integration());
    }

    @ApplicationModuleListener
    void on(IntegrationMarkedInactive event) {
        tracking.integrationChanged(event.integration());
    }

    @ApplicationModuleListener
    void on(IntegrationDeleted event) {
        tracking.integrationChanged(event.integration());
    }

    @ApplicationModuleListener
    void on(IntegrationReconnected event) {
        tracking.integrationReconnected(event.integration());
    }

    @ApplicationModuleListener
    void on(ImportRunStarted event) {
        tracking.runStarted(event);
    }

    @ApplicationModuleListener
    void on(ImportRunRetrying event) {
        tracking.runRetrying(event);
    }

    @ApplicationModuleListener
    void on(ImportRunFinished event) {
        tracking.runFinished(event);
    }
}
