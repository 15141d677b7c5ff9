package io.syncwatch.alerts.application.port.in;

import io.syncwatch.health.CredentialsDeclaredInvalid;
import io.syncwatch.health.IntegrationStateChanged;
import io.syncwatch.health.QualityAssuranceTriggered;
import io.syncwatch.imports.ImportRunFinished;

/** What the alert listeners hand over: each event fans out to webhooks, mails and the digest. */
public interface AlertEvents {

    void stateChanged(IntegrationStateChanged event);

    void runFinished(ImportRunFinished event);

    void credentialsInvalid(CredentialsDeclaredInvalid event);

    void qualityAssurance(QualityAssuranceTriggered event);
}
