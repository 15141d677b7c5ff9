package io.syncwatch.imports.application.port.out;

import io.syncwatch.integrations.IntegrationId;

/** The kernel scheduler's one execution per integration that runs its imports. */
public interface ImportExecutions {

    /** Whether the integration's execution is running right now, on any instance. */
    boolean running(IntegrationId integration);

    /**
     * Has the integration's execution run as soon as possible (scheduled now, or a waiting one
     * brought forward), in the caller's transaction.
     */
    void executeSoon(IntegrationId integration);
}
