package io.syncwatch.imports.adapter.in.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.testsupport.MovableClock;
import io.syncwatch.imports.ImportsTest;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.IntegrationProjection;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.demo.DemoAccounts;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.TestAccounts;

/** The demo seeder gives each Demo-platform scenario real runs through the pipeline, once. */
@ImportsTest
class ImportsDemoDataTest {

    @Autowired TestAccounts accounts;
    @Autowired FakeIntegrations integrations;
    @Autowired IntegrationProjection projection;
    @Autowired ScheduledImports scheduled;
    @Autowired ManualImports manual;
    @Autowired ImportHistory history;
    @Autowired MovableClock clock;
    @Autowired IntegrationOperations operations;

    @Test
    void everyScenarioGetsRunsWithTheOutcomeItStandsFor() {
        AccountId acme = accounts.createWithAllFeatures().id();
        var filters = new ImportFilters(List.of(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1), Set.of());
        Map<String, IntegrationSnapshot> byScenario = new LinkedHashMap<>();
        for (String scenario : List.of("healthy", "quiet", "rate-limited", "auth-failing", "permission-denied",
                "unreachable", "malformed")) {
            byScenario.put(scenario, integrations.connect(acme, "demo", filters,
                    Map.of("apiKey", "demo-" + scenario + "-" + acme, "scenario", scenario)));
        }
        var seeder = new ImportsDemoData(directory(acme), operations, projection, scheduled, manual, history);

        seeder.run(null);
        seeder.run(null);

        assertThat(runs(acme, byScenario.get("healthy"))).as("one single import, two whole runs, seeded once").hasSize(3)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.SUCCEEDED));
        assertThat(runs(acme, byScenario.get("healthy")).get(1).counts().imported()).isPositive();
        assertThat(runs(acme, byScenario.get("quiet")).getLast().message()).isEqualTo("No new conversations at the source");
        assertThat(lastFull(acme, byScenario.get("rate-limited")).outcome()).isEqualTo(RunOutcome.RATE_LIMITED);
        assertThat(runs(acme, byScenario.get("auth-failing")).get(1).outcome()).as("the first import worked")
                .isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(runs(acme, byScenario.get("rate-limited")).size()).isBetween(2, ImportsDemoData.RUNS_PER_INTEGRATION + 1);
        assertThat(lastFull(acme, byScenario.get("auth-failing")).failureCategory()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED);
        assertThat(lastFull(acme, byScenario.get("permission-denied")).failureCategory()).isEqualTo(FailureCategory.PERMISSION_DENIED);
        assertThat(lastFull(acme, byScenario.get("unreachable")).failureCategory()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
        RunSummary malformed = runs(acme, byScenario.get("malformed")).getLast();
        assertThat(malformed.outcome()).isEqualTo(RunOutcome.SUCCEEDED_WITH_WARNINGS);
        assertThat(malformed.counts().skippedMalformed()).isPositive();
    }

    /** Runs oldest first. */
    private List<RunSummary> runs(AccountId account, IntegrationSnapshot integration) {
        return history.runs(account, integration.id(), 0, 100).reversed();
    }

    private RunSummary lastFull(AccountId account, IntegrationSnapshot integration) {
        return runs(account, integration).stream().filter(r -> r.trigger() != io.syncwatch.imports.RunTrigger.SINGLE_CONVERSATION)
                .reduce((a, b) -> b).orElseThrow();
    }

    private static AccountDirectory directory(AccountId acme) {
        return new AccountDirectory() {
            @Override
            public Optional<AccountId> findAccountByName(String name) {
                return DemoAccounts.ACME.equals(name) ? Optional.of(acme) : Optional.empty();
            }

            @Override
            public Set<FeatureFlag> flagsOf(AccountId account) {
                return Set.of(FeatureFlag.INTEGRATIONS);
            }

            @Override
            public List<String> emailsOfUsersWith(AccountId account, Permission permission) {
                return List.of();
            }

            @Override
            public List<AccountUser> usersOf(AccountId account) {
                return List.of();
            }
        };
    }
}
