package io.syncwatch.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;
import io.syncwatch.integrations.IntegrationNotFound;
import io.syncwatch.integrations.InvalidIntegrationInput;
import io.syncwatch.integrations.domain.AuditEntry;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;
import io.syncwatch.testsupport.TestPlatforms;

/**
 * The integrations module on its own (a Spring Modulith module test: only this module and the
 * platform kernel are bootstrapped, on the real database): its use cases and the events each
 * command publishes, observed with {@link Scenario}.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@Import({ TestAccounts.class, SignedIn.class, TestPlatforms.class })
class IntegrationsModuleTest {

    static final String SECRET = "tok-" + "s3cr3t-value-never-stored-in-clear";

    @Autowired
    IntegrationManagement integrations;

    @Autowired
    IntegrationOperations operations;

    @Autowired
    IntegrationCredentials credentials;

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignedIn signedIn;

    @Autowired
    JdbcClient jdbc;

    TestAccount account;

    @BeforeEach
    void signIn() {
        account = accounts.create(FeatureFlag.INTEGRATIONS);
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
    }

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    static ConnectCommand command(String name, String token) {
        return new ConnectCommand(TestPlatforms.KEY, name, Map.of("token", token, "region", "eu"),
                Environment.PRODUCTION, Schedule.HOURLY);
    }

    @Test
    void connectingPublishesTheSnapshotWithoutSecretsAndStoresCredentialsEncrypted(Scenario scenario) {
        scenario.stimulate(() -> integrations.connect(command("Support", SECRET)))
                .andWaitForEventOfType(IntegrationConnected.class)
                .matching(e -> e.integration().accountId().equals(account.id()))
                .toArriveAndVerify((event, snapshot) -> {
                    assertThat(event.integration().lifecycle()).isEqualTo(Lifecycle.SETUP);
                    assertThat(event.integration().filters().statusCriteria()).containsExactly("closed");
                    assertThat(event.toString()).doesNotContain(SECRET);
                    String stored = jdbc.sql("SELECT credentials FROM integration WHERE id = ?")
                            .param(snapshot.id().value()).query(String.class).single();
                    assertThat(stored).startsWith("v1:").doesNotContain(SECRET);
                    assertThat(credentials.credentialsFor(snapshot.id()).orElseThrow().get("token")).isEqualTo(SECRET);
                    assertThat(credentials.credentialsFor(snapshot.id()).orElseThrow().toString()).doesNotContain(SECRET);
                });
    }

    @Test
    void aFailedConnectionTestSavesNothingAndSaysWhy() {
        assertThatThrownBy(() -> integrations.connect(command("Broken", TestPlatforms.REJECTED_TOKEN)))
                .isInstanceOfSatisfying(InvalidIntegrationInput.class, e -> assertThat(e.problems().get("credentials"))
                        .isEqualTo("Connection test failed: Authentication failed. The token was rejected (HTTP 401 Unauthorized)"));
        assertThat(integrations.list()).isEmpty();
    }

    @Test
    void invalidInputIsRejectedFieldByField() {
        assertThatThrownBy(() -> integrations.connect(command("  ", "t")))
                .isInstanceOfSatisfying(InvalidIntegrationInput.class, e -> assertThat(e.problems()).containsKey("name"));
        assertThatThrownBy(() -> integrations.connect(command("x".repeat(101), "t")))
                .isInstanceOfSatisfying(InvalidIntegrationInput.class, e -> assertThat(e.problems()).containsKey("name"));
        assertThatThrownBy(() -> integrations.connect(new ConnectCommand("no-such-platform", "A", Map.of(),
                Environment.PRODUCTION, Schedule.HOURLY)))
                .isInstanceOfSatisfying(InvalidIntegrationInput.class, e -> assertThat(e.problems()).containsKey("platform"));
        assertThatThrownBy(() -> integrations.connect(new ConnectCommand(TestPlatforms.KEY, "A", Map.of("region", "eu"),
                Environment.PRODUCTION, Schedule.HOURLY)))
                .isInstanceOfSatisfying(InvalidIntegrationInput.class,
                        e -> assertThat(e.problems()).containsEntry("credentials.token", "Enter the API token"));
        assertThatThrownBy(() -> integrations.connect(new ConnectCommand(TestPlatforms.KEY, "A",
                Map.of("token", "t", "region", "mars"), Environment.PRODUCTION, Schedule.HOURLY)))
                .isInstanceOfSatisfying(InvalidIntegrationInput.class, e -> assertThat(e.problems())
                        .containsKey("credentials.region"));
        IntegrationSnapshot ok = integrations.connect(command("A", "t"));
        assertThatThrownBy(() -> integrations.configureFilters(ok.id(), new ImportFilters(List.of(),
                LocalDate.now().plusDays(2), Set.of())))
                .isInstanceOfSatisfying(InvalidIntegrationInput.class, e -> assertThat(e.problems())
                        .containsEntry("historicalStart", "The historical start date cannot be in the future"));
        assertThat(integrations.get(ok.id()).lifecycle()).as("nothing half-saved").isEqualTo(Lifecycle.SETUP);
    }

    @Test
    void twoIntegrationsOfOneAccountNeverShareAName() {
        IntegrationSnapshot first = integrations.connect(command("Support EU", "t"));
        assertThatThrownBy(() -> integrations.connect(command("support eu", "t")))
                .isInstanceOfSatisfying(InvalidIntegrationInput.class, e -> assertThat(e.problems()).containsEntry("name",
                        "Another integration is already called 'support eu': choose a name that tells them apart"));
        IntegrationSnapshot second = integrations.connect(command("Support US", "t"));
        assertThatThrownBy(() -> integrations.edit(second.id(), "Support EU", second.schedule(), second.environment()))
                .isInstanceOf(InvalidIntegrationInput.class);
        assertThat(integrations.edit(first.id(), "Support EU", Schedule.DAILY, first.environment()).schedule())
                .as("saving its own name again is fine").isEqualTo(Schedule.DAILY);
        integrations.delete(first.id());
        assertThat(integrations.connect(command("Support EU", "t")).name()).as("a deleted one's name is free again")
                .isEqualTo("Support EU");
    }

    @Test
    void configuringFiltersActivatesTheIntegration(Scenario scenario) {
        IntegrationSnapshot connected = integrations.connect(command("Support", "t"));
        var filters = new ImportFilters(List.of(new FilterCondition(FilterField.CUSTOM_FIELD, "region", "EU")),
                LocalDate.of(2026, 1, 1), Set.of("closed", "solved"));

        scenario.stimulate(() -> integrations.configureFilters(connected.id(), filters))
                .andWaitForEventOfType(IntegrationConfigured.class)
                .matching(e -> e.integration().id().equals(connected.id()))
                .toArriveAndVerify(e -> {
                    assertThat(e.integration().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
                    assertThat(e.integration().filters()).isEqualTo(filters);
                });
        assertThat(integrations.get(connected.id()).filters()).as("read back from the database").isEqualTo(filters);
    }

    @Test
    void invalidCredentialsHoldTheScheduleUntilAReconnect(Scenario scenario) {
        IntegrationSnapshot active = activeIntegration("Support");

        scenario.stimulate(() -> operations.holdForInvalidCredentials(active.id(), "Every run failed on authentication for 3 days"))
                .andWaitForEventOfType(IntegrationPaused.class)
                .matching(e -> e.integration().id().equals(active.id()))
                .toArriveAndVerify(e -> assertThat(e.integration().pauseReason()).isEqualTo(PauseReason.CREDENTIALS_INVALID));

        // neither a plain resume (user or another module) nor a manual pause lifts or rewrites the hold
        assertThatThrownBy(() -> integrations.resume(active.id())).isInstanceOf(ReconnectRequired.class)
                .hasMessage("Reconnect with new credentials to resume this integration");
        assertThatThrownBy(() -> operations.resume(account.id(), active.id(), "bulk")).isInstanceOf(ReconnectRequired.class);
        assertThat(integrations.pause(active.id()).pauseReason()).isEqualTo(PauseReason.CREDENTIALS_INVALID);
        assertThat(integrations.get(active.id())).as("read back from the database").satisfies(s -> {
            assertThat(s.lifecycle()).isEqualTo(Lifecycle.PAUSED);
            assertThat(s.pauseReason()).isEqualTo(PauseReason.CREDENTIALS_INVALID);
        });
        assertThat(integrations.auditTrail(active.id()).getFirst().action()).isEqualTo("Paused: credentials invalid");

        scenario.stimulate(() -> integrations.reconnect(active.id(), Map.of("token", "new-token", "region", "us")))
                .andWaitForEventOfType(IntegrationResumed.class)
                .matching(e -> e.integration().id().equals(active.id()))
                .toArriveAndVerify(e -> assertThat(e.integration().lifecycle()).isEqualTo(Lifecycle.ACTIVE));
        assertThat(credentials.credentialsFor(active.id()).orElseThrow().get("token")).isEqualTo("new-token");
    }

    @Test
    void pauseResumeAndDeleteAreAudited(Scenario scenario) {
        IntegrationSnapshot active = activeIntegration("Support");
        integrations.pause(active.id());
        integrations.resume(active.id());

        scenario.stimulate(() -> integrations.delete(active.id()))
                .andWaitForEventOfType(IntegrationDeleted.class)
                .matching(e -> e.integration().id().equals(active.id()))
                .toArriveAndVerify(e -> assertThat(e.integration().lifecycle()).isEqualTo(Lifecycle.DELETED));

        assertThat(integrations.list()).isEmpty();
        assertThat(operations.find(account.id(), active.id())).get().extracting(IntegrationSnapshot::lifecycle)
                .as("kept as Deleted for audit").isEqualTo(Lifecycle.DELETED);
        assertThat(jdbc.sql("SELECT action FROM integration_audit WHERE integration_id = ? ORDER BY id")
                .param(active.id().value()).query(String.class).list())
                .containsExactly("Connected", "Filters changed", "Activated", "Paused", "Resumed", "Deleted");
    }

    @Test
    void idleDevelopmentIntegrationsAreMarkedInactiveWithTheReason(Scenario scenario) {
        IntegrationSnapshot connected = integrations.connect(new ConnectCommand(TestPlatforms.KEY, "Sandbox",
                Map.of("token", "t", "region", "eu"), Environment.DEVELOPMENT, Schedule.HOURLY));
        integrations.configureFilters(connected.id(), ImportFilters.none());
        jdbc.sql("UPDATE integration SET last_api_request_at = TIMESTAMPADD(DAY, -15, last_api_request_at) WHERE id = ?")
                .param(connected.id().value()).update();

        scenario.stimulate(() -> integrations.markIdleDevelopmentIntegrationsInactive())
                .andWaitForEventOfType(IntegrationMarkedInactive.class)
                .matching(e -> e.integration().id().equals(connected.id()))
                .toArriveAndVerify(e -> {
                    assertThat(e.integration().pauseReason()).isEqualTo(PauseReason.DEVELOPMENT_INACTIVITY);
                    assertThat(e.reason()).contains("14 days");
                });
        List<AuditEntry> trail = integrations.auditTrail(connected.id());
        assertThat(trail.getFirst().action()).isEqualTo("Marked inactive");
        assertThat(trail.getFirst().actor()).isEqualTo("system");
    }

    @Test
    void anotherAccountCannotReadChangeOrDetectTheIntegration() {
        IntegrationSnapshot mine = activeIntegration("Mine");
        TestAccount other = accounts.create(FeatureFlag.INTEGRATIONS);
        signedIn.as(accounts.user(other, Permission.MANAGE_INTEGRATIONS));

        assertThat(integrations.list()).isEmpty();
        assertThat(integrations.find(mine.id())).isEmpty();
        assertThatThrownBy(() -> integrations.pause(mine.id())).isInstanceOf(IntegrationNotFound.class);
        assertThatThrownBy(() -> integrations.delete(mine.id())).isInstanceOf(IntegrationNotFound.class);
        assertThatThrownBy(() -> integrations.auditTrail(mine.id())).isInstanceOf(IntegrationNotFound.class);
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        assertThat(integrations.get(mine.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void onlySyncwatchSupportReEnablesAnIntegrationStoppedForQualityAssuranceAndTheTrailNamesThem(Scenario scenario) {
        IntegrationSnapshot active = activeIntegration("Support");
        operations.holdForQualityAssurance(active.id(), "The first run could not reach the source");

        // the customer, whatever their permissions, and the bulk path (even for support staff) are refused
        assertThat(integrations.mayReEnableAfterQualityAssurance()).isFalse();
        assertThatThrownBy(() -> integrations.resume(active.id())).isInstanceOf(SupportReEnableRequired.class)
                .hasMessage(SupportReEnableRequired.MESSAGE);
        assertThat(integrations.pause(active.id()).pauseReason()).as("a manual pause keeps the hold")
                .isEqualTo(PauseReason.QUALITY_ASSURANCE);
        String support = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        signedIn.asSyncwatchSupport(support);
        assertThatThrownBy(() -> operations.resume(account.id(), active.id(), support))
                .isInstanceOf(SupportReEnableRequired.class);
        assertThat(integrations.get(active.id()).heldForQualityAssurance()).isTrue();

        assertThat(integrations.mayReEnableAfterQualityAssurance()).isTrue();
        scenario.stimulate(() -> integrations.resume(active.id()))
                .andWaitForEventOfType(IntegrationResumed.class)
                .matching(e -> e.integration().id().equals(active.id()))
                .toArriveAndVerify(e -> {
                    assertThat(e.actor()).isEqualTo(support);
                    assertThat(e.integration().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
                });
        assertThat(integrations.auditTrail(active.id()).getFirst()).as("read back from the database").satisfies(a -> {
            assertThat(a.action()).isEqualTo("Re-enabled after quality assurance");
            assertThat(a.actor()).isEqualTo(support);
            assertThat(a.detail()).isEqualTo("By Syncwatch support");
        });
    }

    @Test
    void everyPublishedChangeCarriesAHigherVersionThanTheOneBefore(Scenario scenario) {
        IntegrationSnapshot connected = integrations.connect(command("Support", "t"));
        IntegrationSnapshot configured = integrations.configureFilters(connected.id(), ImportFilters.none());
        IntegrationSnapshot paused = integrations.pause(connected.id());

        scenario.stimulate(() -> integrations.resume(connected.id()))
                .andWaitForEventOfType(IntegrationResumed.class)
                .matching(e -> e.integration().id().equals(connected.id()))
                .toArriveAndVerify(e -> {
                    assertThat(List.of(connected.version(), configured.version(), paused.version(), e.integration().version()))
                            .as("a projection keeps the newest of them, whatever order they arrive in").isSorted()
                            .doesNotHaveDuplicates();
                    assertThat(e.integration().newerThan(paused.version())).isTrue();
                    assertThat(operations.find(account.id(), connected.id()).orElseThrow().version())
                            .as("what integrations holds now").isEqualTo(e.integration().version());
                });
        assertThat(integrations.pause(connected.id()).version()).isGreaterThan(paused.version());
        assertThat(integrations.edit(connected.id(), "Support", Schedule.HOURLY, Environment.PRODUCTION).version())
                .as("no change, nothing saved, the same version").isEqualTo(integrations.get(connected.id()).version());
    }

    IntegrationSnapshot activeIntegration(String name) {
        IntegrationSnapshot connected = integrations.connect(command(name, "t"));
        return integrations.configureFilters(connected.id(), new ImportFilters(List.of(), null, Set.of("closed")));
    }
}
