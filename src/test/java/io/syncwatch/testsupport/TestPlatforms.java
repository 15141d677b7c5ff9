package io.syncwatch.testsupport;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;


import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog;

/**
 * A source platform for tests that need the catalogue without a real connector: credential
 * {@code token} (the value {@value #REJECTED_TOKEN} fails the connection test) and a region.
 * <p>
 * No stereotype: tests {@code @Import} it (see {@link SyncwatchTest}), so component scanning never
 * adds this catalogue to a context that did not ask for it.
 */
public class TestPlatforms implements SourcePlatformCatalog {

    public static final String KEY = "test-helpdesk";
    public static final String REJECTED_TOKEN = "rejected-token";

    /**
     * Connects an integration of this platform (production, hourly) as the signed-in user and gives
     * it filters (closed conversations), so it is active.
     */
    public static IntegrationSnapshot connectActive(IntegrationManagement integrations, String name) {
        IntegrationSnapshot s = integrations.connect(new ConnectCommand(KEY, name, Map.of("token", "t", "region", "eu"),
                Environment.PRODUCTION, Schedule.HOURLY));
        return integrations.configureFilters(s.id(), new ImportFilters(List.of(), null, Set.of("closed")));
    }

    /** A scheduled run of the integration that ended now (5 s long; saved data only if it succeeded). */
    public static ImportRunFinished runFinished(IntegrationSnapshot s, RunOutcome outcome, @Nullable FailureCategory category,
            String message, boolean first) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new ImportRunFinished(new ImportRunId(System.nanoTime()), s.id(), s.accountId(), RunTrigger.SCHEDULED, outcome,
                category, message, new ImportCounts(3, outcome == RunOutcome.SUCCEEDED ? 3 : 0, 0, 0, 0, 0),
                outcome == RunOutcome.SUCCEEDED ? now : null, first, now.minusSeconds(5), now, now.plusSeconds(3600));
    }

    @Override
    public List<PlatformDescriptor> platforms() {
        return List.of(new PlatformDescriptor(KEY, "Test helpdesk", "A helpdesk for tests",
                List.of(new CredentialField("token", "API token", true, true, List.of(), "The token"),
                        new CredentialField("region", "Region", false, true, List.of("us", "eu"), "Data region")),
                true, "Ticket ID", EnumSet.allOf(FilterField.class), List.of("open", "pending", "closed"),
                Set.of("closed")));
    }

    @Override
    public ConnectionCheck testConnection(String platformKey, SourceCredentials credentials) {
        if (REJECTED_TOKEN.equals(credentials.get("token"))) {
            return ConnectionCheck.failed("Authentication failed", "The token was rejected (HTTP 401 Unauthorized)");
        }
        return ConnectionCheck.success("Connected to the test helpdesk");
    }
}
