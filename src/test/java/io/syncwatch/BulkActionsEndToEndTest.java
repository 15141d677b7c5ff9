package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.syncwatch.health.application.port.in.BulkActions;
import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.SyncwatchTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;
import io.syncwatch.testsupport.TestPlatforms;

/**
 * The Platforms tab's bulk actions end to end: real integrations changed through the
 * integrations module, on the real database (the view test stubs the facade).
 */
@SyncwatchTest
class BulkActionsEndToEndTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignedIn signedIn;

    @Autowired
    IntegrationManagement integrations;

    @Autowired
    IntegrationOperations operations;

    @Autowired
    HealthQueries health;

    @Autowired
    BulkActions bulk;

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

    IntegrationSnapshot active(String name) {
        IntegrationSnapshot s = TestPlatforms.connectActive(integrations, name);
        awaitRecord(s, r -> r.lifecycle() == Lifecycle.ACTIVE);
        return s;
    }

    void awaitRecord(IntegrationSnapshot s, Predicate<HealthRecord> condition) {
        await().atMost(Duration.ofSeconds(15)).pollInSameThread()
                .until(() -> health.find(s.id()).filter(condition).isPresent());
    }

    @Test
    void bulkPauseAndResumeChangeEveryIntegrationTheyCanEachInItsOwnTransaction() {
        IntegrationSnapshot a = active("Alpha");
        IntegrationSnapshot gone = active("Gone");
        IntegrationSnapshot b = active("Bravo");
        integrations.delete(gone.id());
        awaitRecord(gone, r -> r.lifecycle() == Lifecycle.DELETED);

        BulkActions.Result paused = bulk.pause(List.of(a.id(), gone.id(), b.id()));

        assertThat(paused.succeeded()).isEqualTo(2);
        assertThat(paused.failures()).singleElement().asString().startsWith("Gone: ");
        assertThat(integrations.get(a.id()).lifecycle()).as("the refusal in the middle undoes nothing")
                .isEqualTo(Lifecycle.PAUSED);
        assertThat(integrations.get(b.id()).pauseReason()).isEqualTo(PauseReason.MANUAL);

        BulkActions.Result resumed = bulk.resume(List.of(a.id(), b.id()));

        assertThat(resumed.succeeded()).isEqualTo(2);
        assertThat(resumed.failures()).isEmpty();
        assertThat(integrations.get(a.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(integrations.get(b.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);

        // counts say what changed: resuming what runs already resumes nothing, and says so
        bulk.pause(List.of(a.id()));
        BulkActions.Result again = bulk.resume(List.of(a.id(), b.id()));
        assertThat(again.succeeded()).isEqualTo(1);
        assertThat(again.skipped()).containsExactly(new BulkActions.Skipped("Bravo", BulkActions.NOT_PAUSED));
    }

    @Test
    void bulkResumeSkipsAnIntegrationHeldForInvalidCredentialsAndBulkPauseKeepsTheHold() {
        IntegrationSnapshot a = active("Alpha");
        IntegrationSnapshot held = active("Held");
        IntegrationSnapshot b = active("Bravo");
        operations.holdForInvalidCredentials(held.id(), "Every run failed on authentication for 3 days");
        awaitRecord(held, r -> r.pauseReason() == PauseReason.CREDENTIALS_INVALID);

        BulkActions.Result paused = bulk.pause(List.of(a.id(), held.id(), b.id()));
        assertThat(paused.failures()).isEmpty();
        assertThat(paused.succeeded()).isEqualTo(2);
        assertThat(paused.skipped()).containsExactly(new BulkActions.Skipped("Held", BulkActions.ALREADY_PAUSED));
        assertThat(integrations.get(held.id()).pauseReason()).as("the hold keeps its reason")
                .isEqualTo(PauseReason.CREDENTIALS_INVALID);

        BulkActions.Result resumed = bulk.resume(List.of(a.id(), held.id(), b.id()));

        assertThat(resumed.succeeded()).isEqualTo(2);
        assertThat(resumed.failures()).isEmpty();
        assertThat(resumed.skipped()).containsExactly(new BulkActions.Skipped("Held", BulkActions.RECONNECT_TO_RESUME));
        assertThat(integrations.get(a.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(integrations.get(b.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(integrations.get(held.id())).satisfies(s -> {
            assertThat(s.lifecycle()).isEqualTo(Lifecycle.PAUSED);
            assertThat(s.pauseReason()).isEqualTo(PauseReason.CREDENTIALS_INVALID);
        });

        integrations.reconnect(held.id(), Map.of("token", "new-token", "region", "eu"));
        assertThat(integrations.get(held.id()).lifecycle()).as("a reconnect ends the hold").isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void bulkResumeSkipsAnIntegrationStoppedForQualityAssuranceEvenForSupportStaffAndSaysWhy() {
        IntegrationSnapshot a = active("Alpha");
        IntegrationSnapshot qa = active("Checked");
        operations.holdForQualityAssurance(qa.id(), "The first run could not reach the source");
        awaitRecord(qa, r -> r.pauseReason() == PauseReason.QUALITY_ASSURANCE);

        BulkActions.Result paused = bulk.pause(List.of(a.id(), qa.id()));
        assertThat(paused.failures()).isEmpty();
        assertThat(integrations.get(qa.id()).pauseReason()).as("the hold keeps its reason")
                .isEqualTo(PauseReason.QUALITY_ASSURANCE);

        BulkActions.Result resumed = bulk.resume(List.of(a.id(), qa.id()));

        assertThat(resumed.succeeded()).isEqualTo(1);
        assertThat(resumed.failures()).isEmpty();
        assertThat(resumed.skipped()).containsExactly(new BulkActions.Skipped("Checked", BulkActions.RE_ENABLED_BY_SYNCWATCH));
        assertThat(integrations.get(a.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(integrations.get(qa.id()).heldForQualityAssurance()).isTrue();

        // support staff re-enable one integration at a time, from its page: never in bulk
        signedIn.asSyncwatchSupport(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        assertThat(bulk.resume(List.of(qa.id())).skipped())
                .containsExactly(new BulkActions.Skipped("Checked", BulkActions.RE_ENABLED_BY_SYNCWATCH));
        assertThat(integrations.resume(qa.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }
}
