package io.syncwatch.health.application.port.in;

import java.util.Collection;

import io.syncwatch.integrations.IntegrationId;

/** Pause, resume or run several integrations of the caller's account at once. */
public interface BulkActions {

    Result pause(Collection<IntegrationId> integrations);

    Result resume(Collection<IntegrationId> integrations);

    Result runNow(Collection<IntegrationId> integrations);

    /** How many succeeded, and why the others did not (one line each). */
    record Result(int succeeded, java.util.List<String> failures) {
    }
}
