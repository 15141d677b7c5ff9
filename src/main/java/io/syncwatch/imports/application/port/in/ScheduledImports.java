package io.syncwatch.imports.application.port.in;

import java.util.List;
import java.util.function.BooleanSupplier;

import io.syncwatch.integrations.IntegrationId;

/** What the scheduler asks: which integrations are due, and run one. */
public interface ScheduledImports {

    List<IntegrationId> dueIntegrations(int limit);

    /**
     * Runs the integration's import on this thread: resumes its unfinished run (one left by a
     * crashed or stopped instance, or opened by Run now) or opens a scheduled one. Called by the
     * integration's one scheduler execution. Returns true when {@code stopping} made the run stop
     * at a safe point (interrupted): the execution must come again to resume it.
     */
    boolean runScheduled(IntegrationId integration, BooleanSupplier stopping);

    /** Runs the integration's import to its end on this thread. */
    default void runScheduled(IntegrationId integration) {
        runScheduled(integration, () -> false);
    }
}
