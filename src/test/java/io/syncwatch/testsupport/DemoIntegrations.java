package io.syncwatch.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;

/**
 * Integrations on the built-in Demo platform for the tests that drive the running console (the
 * test helpdesk belongs to another test context), and the end of their runs published as the
 * imports module publishes it, so that health and the open pages follow. Connecting needs a
 * signed-in user ({@link SignedIn}).
 */
@Component
public class DemoIntegrations {

    private final IntegrationManagement integrations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    public DemoIntegrations(IntegrationManagement integrations, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.integrations = integrations;
        this.events = events;
        this.tx = tx;
    }

    /** A Demo integration (the "healthy" scenario, hourly, production) still in setup: no filters yet. */
    public IntegrationSnapshot connect(String name, String apiKey) {
        return integrations.connect(new ConnectCommand("demo", name, Map.of("apiKey", apiKey, "scenario", "healthy"),
                Environment.PRODUCTION, Schedule.HOURLY));
    }

    /** A Demo integration with filters (closed conversations), so active. */
    public IntegrationSnapshot active(String name, String apiKey) {
        return integrations.configureFilters(connect(name, apiKey).id(), new ImportFilters(List.of(), null, Set.of("closed")));
    }

    /** Publishes, in a transaction of its own, that a run of {@code s} ended so (see {@link TestPlatforms#runFinished}). */
    public void runFinished(IntegrationSnapshot s, RunOutcome outcome, @Nullable FailureCategory category, String message,
            boolean first) {
        tx.executeWithoutResult(t -> events.publishEvent(TestPlatforms.runFinished(s, outcome, category, message, first)));
    }
}
