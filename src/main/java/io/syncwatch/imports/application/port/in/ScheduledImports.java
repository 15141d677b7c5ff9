package io.syncwatch.imports.application.port.in;

import java.util.List;

import io.syncwatch.integrations.IntegrationId;

/** What the scheduler asks: which integrations are due, and run one. */
public interface ScheduledImports {

    List<IntegrationId> dueIntegrations(int limit);

    /** Runs the integration if it is still runnable and nobody else runs it right now. */
    void runScheduled(IntegrationId integration);
}
