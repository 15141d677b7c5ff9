package io.syncwatch.health.application.port.in;

import java.util.Collection;
import java.util.List;

import io.syncwatch.integrations.IntegrationId;

/** Pause, resume or run several integrations of the caller's account at once. */
public interface BulkActions {

    /** Why a Resume leaves an integration held for invalid credentials alone. */
    String RECONNECT_TO_RESUME = "Credentials invalid: reconnect with new credentials to resume";

    /** Why a Resume leaves an integration stopped for quality assurance alone (spec 002, decision 0008). */
    String RE_ENABLED_BY_SYNCWATCH = "Quality assurance: our engineering team re-enables it once the issue is resolved";

    /** Why a Resume leaves an integration that is not paused alone (nothing to resume). */
    String NOT_PAUSED = "not paused";

    /** Why a Pause leaves an integration that is already paused (or held) alone. */
    String ALREADY_PAUSED = "already paused";

    /** Why a Pause leaves an integration in setup alone: it does not run yet. */
    String IN_SETUP = "in setup: it does not run until its filters are saved";

    Result pause(Collection<IntegrationId> integrations);

    /**
     * Resumes each integration it may: one held for invalid credentials is skipped
     * ({@link #RECONNECT_TO_RESUME}), since only a Reconnect ends that hold; one stopped for
     * quality assurance is skipped ({@link #RE_ENABLED_BY_SYNCWATCH}), since only Syncwatch
     * support re-enables it, one at a time from its page.
     */
    Result resume(Collection<IntegrationId> integrations);

    Result runNow(Collection<IntegrationId> integrations);

    /**
     * How many succeeded, why the others did not (one line each), and which were deliberately
     * left alone, with the reason.
     */
    record Result(int succeeded, List<String> failures, List<Skipped> skipped) {

        public Result(int succeeded, List<String> failures) {
            this(succeeded, failures, List.of());
        }
    }

    /** An integration a bulk action left alone on purpose. */
    record Skipped(String integration, String reason) {
    }
}
