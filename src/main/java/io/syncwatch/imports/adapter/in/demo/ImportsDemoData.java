package io.syncwatch.imports.adapter.in.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.IntegrationProjection;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.demo.DemoAccounts;

/**
 * Gives every demo integration real history: after the integrations module's demo data (order
 * 10), each runnable integration on the Demo platform imports one conversation by reference and
 * then runs through the real pipeline (its scenario decides how: healthy, quiet, rate limited,
 * failing, malformed); a rate-limited run is followed by runs that resume where it stopped. Idempotent: integrations that already have runs are skipped.
 */
@Component
@Profile("demo")
@Order(20)
class ImportsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportsDemoData.class);
    static final int RUNS_PER_INTEGRATION = 2;

    private final AccountDirectory accounts;
    private final IntegrationOperations integrations;
    private final IntegrationProjection projection;
    private final ScheduledImports scheduled;
    private final ManualImports manual;
    private final ImportHistory history;

    ImportsDemoData(AccountDirectory accounts, IntegrationOperations integrations,
            IntegrationProjection projection, ScheduledImports scheduled, ManualImports manual, ImportHistory history) {
        this.accounts = accounts;
        this.integrations = integrations;
        this.projection = projection;
        this.scheduled = scheduled;
        this.manual = manual;
        this.history = history;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String name : List.of(DemoAccounts.ACME, DemoAccounts.GLOBEX)) {
            accounts.findAccountByName(name).ifPresent(account -> seed(account, integrations.integrations(account)));
        }
    }

    private void seed(AccountId account, List<IntegrationSnapshot> snapshots) {
        for (IntegrationSnapshot integration : snapshots) {
            projection.apply(integration);
            if (!"demo".equals(integration.platform()) || history.countRuns(account, integration.id()) > 0
                    || !integration.runnable()) {
                continue;
            }
            try {
                manual.importOne(account, integration.id(), "100001", "demo data");
            } catch (RuntimeException e) {
                log.debug("Demo single import of {} failed: {}", integration.id(), e.getMessage());
            }
            // whole runs last: the first imports the window; in the second the scenario plays out
            // (revoked key, removed permission, rate limit, broken records), so the latest run — what
            // the Platforms tab reports — shows it
            for (int i = 0; i < RUNS_PER_INTEGRATION; i++) {
                scheduled.runScheduled(integration.id());
            }
            log.info("Imports demo data: {} runs for '{}'", history.countRuns(account, integration.id()),
                    integration.name());
        }
    }
}
