package io.syncwatch.health.adapter.in.events;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.syncwatch.health.application.port.in.HealthTracking;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunRetrying;
import io.syncwatch.imports.ImportRunStarted;
import io.syncwatch.integrations.IntegrationEvent;
import io.syncwatch.integrations.IntegrationReconnected;

/** Feeds the integrations' and imports' events into the health records. */
@Component
class HealthEventListeners {

    private final HealthTracking tracking;

    HealthEventListeners(HealthTracking tracking) {
        this.tracking = tracking;
    }

    /** A reconnect also ends the credentials-invalid state; every other change applies the snapshot. */
    @ApplicationModuleListener
    void on(IntegrationEvent event) {
        switch (event) {
            case IntegrationReconnected reconnected -> tracking.integrationReconnected(reconnected.integration());
            default -> tracking.integrationChanged(event.integration());
        }
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
