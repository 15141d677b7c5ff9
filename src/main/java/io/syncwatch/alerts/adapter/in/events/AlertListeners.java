package io.syncwatch.alerts.adapter.in.events;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.syncwatch.health.CredentialsDeclaredInvalid;
import io.syncwatch.health.IntegrationStateChanged;
import io.syncwatch.health.QualityAssuranceTriggered;
import io.syncwatch.alerts.application.port.in.AlertEvents;
import io.syncwatch.imports.ImportRunFinished;

/** Hands health and import events to the alerts (after commit, recorded in the publication registry). */
@Component
class AlertListeners {

    private final AlertEvents alerts;

    AlertListeners(AlertEvents alerts) {
        this.alerts = alerts;
    }

    @ApplicationModuleListener
    void on(IntegrationStateChanged event) {
        alerts.stateChanged(event);
    }

    @ApplicationModuleListener
    void on(ImportRunFinished event) {
        alerts.runFinished(event);
    }

    @ApplicationModuleListener
    void on(CredentialsDeclaredInvalid event) {
        alerts.credentialsInvalid(event);
    }

    @ApplicationModuleListener
    void on(QualityAssuranceTriggered event) {
        alerts.qualityAssurance(event);
    }
}
