package io.syncwatch.health.application.port.in;

import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunRetrying;
import io.syncwatch.imports.ImportRunStarted;
import io.syncwatch.integrations.IntegrationSnapshot;

/** Keeps health records up to date from the other modules' events (one read, one write each). */
public interface HealthTracking {

    void integrationChanged(IntegrationSnapshot snapshot);

    void integrationReconnected(IntegrationSnapshot snapshot);

    void runStarted(ImportRunStarted event);

    void runRetrying(ImportRunRetrying event);

    void runFinished(ImportRunFinished event);
}
