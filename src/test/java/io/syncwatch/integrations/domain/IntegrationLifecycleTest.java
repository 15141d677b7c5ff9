package io.syncwatch.integrations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.ReconnectRequired;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.SupportReEnableRequired;
import io.syncwatch.platform.AccountId;

class IntegrationLifecycleTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final ImportFilters FILTERS = new ImportFilters(
            List.of(new FilterCondition(FilterField.CHANNEL, null, "email")), LocalDate.of(2026, 1, 1), Set.of("closed"));

    static Integration connected(Environment environment) {
        Integration i = Integration.connect(new AccountId(1), "Support", "demo", environment, Schedule.HOURLY,
                ImportFilters.none(), "v1:secret", "ada@example.test", T0);
        i.stored(IntegrationId.of(7), 1);
        return i;
    }

    @Test
    void aNewIntegrationIsInSetupUntilItsFiltersAreConfigured() {
        Integration i = connected(Environment.PRODUCTION);
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.SETUP);
        assertThat(i.snapshot().runnable()).isFalse();

        i.configureFilters(FILTERS, "ada@example.test", T0.plusSeconds(60));

        assertThat(i.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(i.snapshot().runnable()).isTrue();
        assertThat(i.drainAudit()).extracting(AuditEntry::action).containsExactly("Connected", "Filters changed", "Activated");
    }

    @Test
    void aPausedIntegrationNeverRunsUntilResumed() {
        Integration i = connected(Environment.PRODUCTION);
        i.configureFilters(FILTERS, "ada", T0);

        assertThat(i.pause(PauseReason.MANUAL, null, "ada", T0.plusSeconds(5))).isTrue();
        assertThat(i.snapshot().runnable()).isFalse();
        assertThat(i.pauseReason()).isEqualTo(PauseReason.MANUAL);
        assertThat(i.pause(PauseReason.MANUAL, null, "ada", T0.plusSeconds(6))).as("pausing twice changes nothing").isFalse();

        assertThat(i.resume("ada", T0.plusSeconds(10))).isTrue();
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(i.pauseReason()).isNull();
    }

    @Test
    void resumingAnIntegrationThatNeverHadFiltersReturnsItToSetup() {
        Integration i = connected(Environment.PRODUCTION);
        i.pause(PauseReason.MANUAL, null, "ada", T0);
        i.resume("ada", T0.plusSeconds(1));
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.SETUP);
    }

    @Test
    void reconnectingEndsACredentialsInvalidPauseButNotAManualOne() {
        Integration i = connected(Environment.PRODUCTION);
        i.configureFilters(FILTERS, "ada", T0);
        i.pause(PauseReason.CREDENTIALS_INVALID, "every run failed on authentication for three days", "system", T0);

        assertThat(i.reconnect("v1:new", "ada", T0.plusSeconds(1))).isTrue();
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(i.encryptedCredentials()).isEqualTo("v1:new");

        i.pause(PauseReason.MANUAL, null, "ada", T0.plusSeconds(2));
        assertThat(i.reconnect("v1:newer", "ada", T0.plusSeconds(3))).isFalse();
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.PAUSED);
    }

    @Test
    void onlyAReconnectEndsACredentialsInvalidHoldAPlainResumeIsRefused() {
        Integration i = connected(Environment.PRODUCTION);
        i.configureFilters(FILTERS, "ada", T0);
        i.pause(PauseReason.CREDENTIALS_INVALID, "every run failed on authentication for three days", "system", T0);
        assertThat(i.snapshot().requiresReconnect()).isTrue();
        i.drainAudit();

        assertThatThrownBy(() -> i.resume("ada", T0.plusSeconds(1)))
                .isInstanceOf(ReconnectRequired.class)
                .hasMessage("Reconnect with new credentials to resume this integration");
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.PAUSED);
        assertThat(i.pauseReason()).isEqualTo(PauseReason.CREDENTIALS_INVALID);
        assertThat(i.snapshot().runnable()).isFalse();
        assertThat(i.drainAudit()).as("a refused resume changes nothing").isEmpty();

        assertThat(i.reconnect("v1:new", "ada", T0.plusSeconds(2))).isTrue();
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(i.snapshot().requiresReconnect()).isFalse();
        assertThat(i.drainAudit()).extracting(AuditEntry::action)
                .containsExactly("Reconnected", "Resumed after new credentials");
    }

    @Test
    void noOtherPauseOverwritesTheReasonOfACredentialsInvalidHold() {
        Integration i = connected(Environment.PRODUCTION);
        i.configureFilters(FILTERS, "ada", T0);
        i.pause(PauseReason.CREDENTIALS_INVALID, "every run failed on authentication for three days", "system", T0);
        i.drainAudit();

        assertThat(i.pause(PauseReason.MANUAL, null, "ada", T0.plusSeconds(1))).isFalse();
        assertThat(i.pause(PauseReason.QUALITY_ASSURANCE, "first run", "system", T0.plusSeconds(2))).isFalse();
        assertThat(i.pause(PauseReason.DEVELOPMENT_INACTIVITY, "idle", "system", T0.plusSeconds(3))).isFalse();
        assertThat(i.pauseReason()).isEqualTo(PauseReason.CREDENTIALS_INVALID);
        assertThat(i.pauseDetail()).isEqualTo("every run failed on authentication for three days");
        assertThat(i.drainAudit()).isEmpty();

        assertThat(i.reconnect("v1:new", "ada", T0.plusSeconds(4))).as("the reconnect still ends the hold").isTrue();
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void aCredentialsInvalidHoldReplacesAManualPause() {
        Integration i = connected(Environment.PRODUCTION);
        i.configureFilters(FILTERS, "ada", T0);
        i.pause(PauseReason.MANUAL, null, "ada", T0);

        assertThat(i.pause(PauseReason.CREDENTIALS_INVALID, "auth", "system", T0.plusSeconds(1))).isTrue();
        assertThat(i.pauseReason()).isEqualTo(PauseReason.CREDENTIALS_INVALID);
        assertThatThrownBy(() -> i.resume("ada", T0.plusSeconds(2))).isInstanceOf(ReconnectRequired.class);
    }

    @Test
    void qualityAssuranceStopsTheIntegrationUntilSyncwatchSupportReEnablesIt() {
        Integration i = connected(Environment.PRODUCTION);
        i.configureFilters(FILTERS, "ada", T0);
        i.pause(PauseReason.QUALITY_ASSURANCE, "first run failed", "system", T0);
        assertThat(i.snapshot().runnable()).isFalse();
        assertThat(i.snapshot().heldForQualityAssurance()).isTrue();
        assertThat(i.snapshot().requiresReconnect()).isFalse();
        i.drainAudit();

        assertThatThrownBy(() -> i.resume("ada", T0.plusSeconds(1)))
                .isInstanceOf(SupportReEnableRequired.class)
                .hasMessage("Stopped for quality assurance: our engineering team has been notified, and we will "
                        + "contact you once we have resolved the issue and re-enabled this integration");
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.PAUSED);
        assertThat(i.drainAudit()).as("a refused resume changes nothing").isEmpty();

        assertThat(i.reEnableAfterQualityAssurance("sam@syncwatch.test", T0.plusSeconds(2))).isTrue();
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(i.snapshot().heldForQualityAssurance()).isFalse();
        assertThat(i.drainAudit()).singleElement().satisfies(e -> {
            assertThat(e.actor()).as("who re-enabled it").isEqualTo("sam@syncwatch.test");
            assertThat(e.action()).isEqualTo("Re-enabled after quality assurance");
            assertThat(e.detail()).isEqualTo("By Syncwatch support");
        });
    }

    @Test
    void aManualPauseDoesNotTurnAQualityAssuranceHoldIntoOneTheCustomerCanResume() {
        Integration i = connected(Environment.PRODUCTION);
        i.configureFilters(FILTERS, "ada", T0);
        i.pause(PauseReason.QUALITY_ASSURANCE, "first run failed", "system", T0);
        i.drainAudit();

        assertThat(i.pause(PauseReason.MANUAL, null, "ada", T0.plusSeconds(1))).isFalse();
        assertThat(i.pause(PauseReason.DEVELOPMENT_INACTIVITY, "idle", "system", T0.plusSeconds(2))).isFalse();
        assertThat(i.pauseReason()).isEqualTo(PauseReason.QUALITY_ASSURANCE);
        assertThat(i.pauseDetail()).isEqualTo("first run failed");
        assertThat(i.drainAudit()).isEmpty();
        assertThatThrownBy(() -> i.resume("ada", T0.plusSeconds(3))).isInstanceOf(SupportReEnableRequired.class);
    }

    @Test
    void reEnablingChangesNothingUnlessTheIntegrationIsHeldForQualityAssurance() {
        Integration i = connected(Environment.PRODUCTION);
        i.configureFilters(FILTERS, "ada", T0);
        i.pause(PauseReason.MANUAL, null, "ada", T0);
        i.drainAudit();

        assertThat(i.reEnableAfterQualityAssurance("sam@syncwatch.test", T0.plusSeconds(1))).isFalse();
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.PAUSED);
        assertThat(i.drainAudit()).isEmpty();
    }

    @Test
    void aDeletedIntegrationIsKeptForAuditAndCannotChangeAgain() {
        Integration i = connected(Environment.PRODUCTION);
        i.delete("ada", T0);
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.DELETED);
        assertThat(i.snapshot().runnable()).isFalse();
        assertThatThrownBy(() -> i.resume("ada", T0)).isInstanceOf(io.syncwatch.integrations.IntegrationIsDeleted.class);
        assertThatThrownBy(() -> i.configureFilters(FILTERS, "ada", T0)).isInstanceOf(io.syncwatch.integrations.IntegrationIsDeleted.class);
    }

    @Test
    void aDevelopmentIntegrationGoesInactiveAfterFourteenDaysWithoutAnApiRequest() {
        Integration i = connected(Environment.DEVELOPMENT);
        i.configureFilters(FILTERS, "ada", T0);
        Instant lastRequest = T0.plus(Duration.ofDays(2));
        i.recordApiRequest(lastRequest);

        assertThat(i.markInactiveIfIdle(lastRequest.plus(Duration.ofDays(14)).minusSeconds(1))).isFalse();
        assertThat(i.markInactiveIfIdle(lastRequest.plus(Duration.ofDays(14)))).isTrue();
        assertThat(i.lifecycle()).isEqualTo(Lifecycle.PAUSED);
        assertThat(i.pauseReason()).isEqualTo(PauseReason.DEVELOPMENT_INACTIVITY);
        assertThat(i.pauseDetail()).contains("14 days");

        i.resume("ada", lastRequest.plus(Duration.ofDays(20)));
        assertThat(i.lifecycle()).as("reactivated").isEqualTo(Lifecycle.ACTIVE);
        assertThat(i.idleTooLong(lastRequest.plus(Duration.ofDays(21)))).as("the clock restarts at reactivation").isFalse();
    }

    @Test
    void aProductionIntegrationNeverGoesInactiveForLackOfApiRequests() {
        Integration i = connected(Environment.PRODUCTION);
        i.configureFilters(FILTERS, "ada", T0);
        assertThat(i.markInactiveIfIdle(T0.plus(Duration.ofDays(400)))).isFalse();
    }

    @Test
    void editingRecordsEachChangeInTheAuditTrail() {
        Integration i = connected(Environment.PRODUCTION);
        i.drainAudit();
        assertThat(i.edit("Support", Schedule.HOURLY, Environment.PRODUCTION, "ada", T0)).isFalse();
        assertThat(i.edit("Support EU", Schedule.DAILY, Environment.PRODUCTION, "ada", T0)).isTrue();
        assertThat(i.drainAudit()).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("name 'Support' → 'Support EU'").contains("schedule Hourly → Daily"));
    }

    @Test
    void filterRulesNameTheOffendingField() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        var filters = new ImportFilters(List.of(new FilterCondition(FilterField.CUSTOM_FIELD, " ", "x"),
                new FilterCondition(FilterField.TAG, null, "")), today.plusDays(1), Set.of("closed"));

        assertThat(FilterValidation.problems(filters, today)).containsOnlyKeys("conditions[0].customFieldName",
                "conditions[1].value", "historicalStart");
        assertThat(FilterValidation.problems(FILTERS, today)).isEmpty();
        assertThat(FilterValidation.problems(new ImportFilters(List.of(new FilterCondition(FilterField.AGENT, null,
                "x".repeat(201))), null, Set.of()), today)).containsKey("conditions[0].value");
    }
}
