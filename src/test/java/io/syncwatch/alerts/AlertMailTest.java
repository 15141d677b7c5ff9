package io.syncwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.syncwatch.health.CredentialsDeclaredInvalid;
import io.syncwatch.health.DetailedState;
import io.syncwatch.alerts.application.port.in.AlertEvents;
import io.syncwatch.alerts.application.port.in.AlertOwners;
import io.syncwatch.alerts.application.port.in.HeldAlertMails;
import io.syncwatch.alerts.application.port.out.AlertRouting;
import io.syncwatch.alerts.application.port.out.AlertRouting.StoredOwners;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/**
 * Error and invalid-credential mails go to the owner or the admins, at most one per kind per hour;
 * what repeats within the hour is held and summarised in one mail when the hour is over.
 */
@AlertsTest
class AlertMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(AlertsTest.SMTP_PORT, "127.0.0.1", "smtp"));

    @Autowired
    TestAccounts accounts;
    @Autowired
    SignedIn signedIn;
    @Autowired
    AlertEvents alerts;
    @Autowired
    AlertOwners owners;
    @Autowired
    MutableClock clock;
    @Autowired
    HeldAlertMails heldMails;
    @Autowired
    AlertRouting routingStore;

    TestAccount account;
    String adminEmail;

    @BeforeEach
    void account() {
        account = accounts.createWithAllFeatures();
        adminEmail = accounts.user(account, Permission.ACCOUNT_ADMIN);
    }

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    void change(long integration, DetailedState previous, DetailedState current) {
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), integration, "Support desk", previous, current,
                clock.instant()));
    }

    @Test
    void repeatedFailuresOfTheSameKindMailTheAdminsAtMostOncePerHour() {
        change(1, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        change(1, DetailedState.SYNC_FAILING, DetailedState.SYNC_HAS_WARNINGS);
        change(1, DetailedState.SYNC_HAS_WARNINGS, DetailedState.SYNC_FAILING);
        clock.advance(Duration.ofMinutes(59));
        change(1, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).containsExactly("[Syncwatch] Support desk (Zendesk): Sync failing");

        change(1, DetailedState.SYNC_FAILING, DetailedState.AUTHENTICATION_FAILING);
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).as("another kind of failure").hasSize(2);

        clock.advance(Duration.ofMinutes(1));
        change(1, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).as("an hour after the first").hasSize(3);

        change(2, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).as("another integration").hasSize(4);
    }

    AlertOwners.Owner user(String email) {
        return owners.selectableUsers().stream().filter(o -> o.email().equals(email)).findFirst().orElseThrow();
    }

    List<AlertOwners.Owner> ownersOf(long integration) {
        return owners.routing().stream().filter(r -> r.integrationId() == integration).findFirst().orElseThrow()
                .owners();
    }

    @Test
    void theOwnersGetTheMailInsteadOfTheAdmins() throws Exception {
        change(3, DetailedState.SETUP, DetailedState.ACTIVE);
        String owner1 = accounts.namedUser(account, "Olivia Owner");
        String deputy = "deputy-" + account.id() + "@example.test";
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        assertThatThrownBy(() -> owners.mailbox("not-an-address")).isInstanceOf(io.syncwatch.alerts.domain.AlertsRefusal.InvalidAlertsInput.class);
        assertThatThrownBy(() -> owners.mailbox(owner1)).as("a user is picked, not typed")
                .hasMessageContaining("is a user of this account");
        assertThatThrownBy(() -> owners.setOwners(3,
                List.of(new AlertOwners.Owner("stranger@example.test", "", AlertOwners.Kind.USER))))
                .as("only users of the account are owners").hasMessageContaining("not a user of this account");
        owners.setOwners(3, List.of(user(owner1), owners.mailbox(deputy.toUpperCase())));
        assertThat(ownersOf(3)).containsExactly(new AlertOwners.Owner(owner1, "Olivia Owner", AlertOwners.Kind.USER),
                new AlertOwners.Owner(deputy, "", AlertOwners.Kind.MAILBOX));

        alerts.credentialsInvalid(new CredentialsDeclaredInvalid(IntegrationId.of(3), account.id(), "Support desk",
                "Zendesk", clock.instant().minus(Duration.ofDays(3)), clock.instant()));
        change(3, DetailedState.AUTHENTICATION_FAILING, DetailedState.CREDENTIALS_INVALID);

        assertThat(AlertsFixtures.mailsTo(smtp, owner1)).as("one mail for the two signals of the same kind")
                .containsExactly("[Syncwatch] Support desk: Credentials invalid");
        assertThat(AlertsFixtures.mailsTo(smtp, deputy)).as("the shared mailbox").hasSize(1);
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).isEmpty();
        String text = (String) List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> AlertsFixtures.subjectOf(m).contains("Credentials invalid")).findFirst().orElseThrow()
                .getContent();
        assertThat(text).contains("Reconnect the integration", "/conversations/integrations/platforms/3");
    }

    @Test
    void aDisabledOwnerGetsNoMailAndWhenNoOwnerRemainsTheAdminsDo() {
        change(5, DetailedState.SETUP, DetailedState.ACTIVE);
        String anna = accounts.namedUser(account, "Anna");
        String ben = accounts.namedUser(account, "Ben");
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        owners.setOwners(5, List.of(user(anna), user(ben)));

        accounts.setEnabled(account, anna, false);
        assertThat(owners.selectableUsers()).extracting(AlertOwners.Owner::email).doesNotContain(anna).contains(ben);
        assertThat(ownersOf(5)).as("still shown, marked").contains(
                new AlertOwners.Owner(anna, "Anna", AlertOwners.Kind.DISABLED_USER));
        change(5, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        assertThat(AlertsFixtures.mailsTo(smtp, anna)).as("disabled").isEmpty();
        assertThat(AlertsFixtures.mailsTo(smtp, ben)).hasSize(1);
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).as("an owner remains").isEmpty();

        accounts.setEnabled(account, ben, false);
        change(5, DetailedState.SYNC_FAILING, DetailedState.AUTHENTICATION_FAILING);
        assertThat(AlertsFixtures.mailsTo(smtp, anna)).isEmpty();
        assertThat(AlertsFixtures.mailsTo(smtp, ben)).hasSize(1);
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).as("no owner remains: the admins, as without owners")
                .containsExactly("[Syncwatch] Support desk (Zendesk): Authentication failing");
        assertThat(owners.routing()).filteredOn(r -> r.integrationId() == 5).singleElement()
                .matches(AlertOwners.Routing::fallsBackToAdmins);

        accounts.setEnabled(account, anna, true);
        clock.advance(Duration.ofHours(1));
        change(5, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        assertThat(AlertsFixtures.mailsTo(smtp, anna)).as("enabled again").hasSize(1);
    }

    @Test
    void anAddressStoredBeforeThatIsNoUserStaysVisibleGetsNoMailAndCanBeRemoved() {
        change(6, DetailedState.SETUP, DetailedState.ACTIVE);
        String olivia = accounts.namedUser(account, "Olivia");
        String typed = "typed-" + account.id() + "@example.test";
        routingStore.setOwner(account.id(), 6, new StoredOwners(List.of(typed, olivia.toUpperCase()), List.of()));
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        assertThat(ownersOf(6)).containsExactly(new AlertOwners.Owner(typed, "", AlertOwners.Kind.NOT_A_USER),
                new AlertOwners.Owner(olivia, "Olivia", AlertOwners.Kind.USER));
        assertThat(ownersOf(6).get(0).label()).isEqualTo(typed + " (not a user of this account, gets no mail)");

        change(6, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        assertThat(AlertsFixtures.mailsTo(smtp, typed)).isEmpty();
        assertThat(AlertsFixtures.mailsTo(smtp, olivia)).hasSize(1);

        owners.setOwners(6, ownersOf(6));
        assertThat(ownersOf(6)).as("saving again keeps it").hasSize(2);
        owners.setOwners(6, List.of(ownersOf(6).get(1)));
        assertThat(ownersOf(6)).extracting(AlertOwners.Owner::email).containsExactly(olivia);
        assertThatThrownBy(() -> owners.setOwners(6, List.of(new AlertOwners.Owner(typed, "", AlertOwners.Kind.NOT_A_USER))))
                .as("once removed it cannot come back except as an explicit mailbox")
                .hasMessageContaining("not a user of this account");
        owners.setOwners(6, List.of(owners.mailbox(typed)));
        assertThat(ownersOf(6)).containsExactly(new AlertOwners.Owner(typed, "", AlertOwners.Kind.MAILBOX));
    }

    @Test
    void warningsAndRecoveriesAreNotMailed() {
        change(4, DetailedState.ACTIVE, DetailedState.SYNC_HAS_WARNINGS);
        change(4, DetailedState.SYNC_HAS_WARNINGS, DetailedState.ACTIVE);
        change(4, DetailedState.ACTIVE, DetailedState.INACTIVE);
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).isEmpty();
    }

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a 'UTC'", java.util.Locale.US).withZone(ZoneOffset.UTC);

    String textOf(String subjectPart) throws Exception {
        return (String) List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> AlertsFixtures.subjectOf(m).contains(subjectPart)).findFirst().orElseThrow().getContent();
    }

    @Test
    void aBurstGivesOneMailAtOnceAndOneSummaryOfTheRepeatsWhenTheHourIsOver() throws Exception {
        change(11, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        clock.advance(Duration.ofMinutes(5));
        Instant firstHeld = clock.instant();
        for (int i = 0; i < 4; i++) {
            change(11, DetailedState.SYNC_HAS_WARNINGS, DetailedState.SYNC_FAILING);
            clock.advance(Duration.ofMinutes(10));
        }
        Instant lastHeld = clock.instant().minus(Duration.ofMinutes(10));
        assertThat(heldMails.sendDueSummaries()).as("the hour is not over").isZero();
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).containsExactly("[Syncwatch] Support desk (Zendesk): Sync failing");

        clock.advance(Duration.ofMinutes(16)); // 61 minutes after the first mail
        heldMails.sendDueSummaries();
        heldMails.sendDueSummaries();
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).as("one summary, sent once").containsExactly(
                "[Syncwatch] Support desk (Zendesk): Sync failing", "[Syncwatch] 4 alerts held back in the last hour");
        assertThat(textOf("held back")).contains(
                "Support desk (Zendesk): Sync failing: 4 alerts, first " + TIME.format(firstHeld) + ", last "
                        + TIME.format(lastHeld),
                "/conversations/integrations/platforms/11");

        change(11, DetailedState.SYNC_HAS_WARNINGS, DetailedState.SYNC_FAILING);
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).as("the summary opened a new hour").hasSize(2);
    }

    @Test
    void theSummaryCountsPerIntegrationAndKindInOneMailPerOwner() throws Exception {
        change(21, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        change(21, DetailedState.SYNC_FAILING, DetailedState.AUTHENTICATION_FAILING);
        change(22, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        clock.advance(Duration.ofMinutes(1));
        change(21, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        change(21, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        change(21, DetailedState.SYNC_FAILING, DetailedState.AUTHENTICATION_FAILING);
        change(22, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        change(22, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        change(22, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).as("one per integration and kind at once").hasSize(3);

        clock.advance(Duration.ofHours(2));
        assertThat(heldMails.sendDueSummaries()).isGreaterThanOrEqualTo(1);
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).hasSize(4)
                .contains("[Syncwatch] 6 alerts held back in the last hour");
        assertThat(textOf("6 alerts held back")).contains("Support desk (Zendesk): Sync failing: 2 alerts",
                "Support desk (Zendesk): Authentication failing: 1 alert,",
                "/conversations/integrations/platforms/21", "/conversations/integrations/platforms/22")
                .containsPattern("Sync failing: 3 alerts[^\\n]*\\n  \\S*/platforms/22");
    }

    @Test
    void theNextMailAfterTheHourReportsWhatWasHeldWhenNoSummaryWentOutYet() throws Exception {
        change(31, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        clock.advance(Duration.ofMinutes(30));
        change(31, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        change(31, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);
        clock.advance(Duration.ofMinutes(31));
        change(31, DetailedState.ACTIVE, DetailedState.SYNC_FAILING);

        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).hasSize(2);
        String second = List.of(smtp.getReceivedMessages()).stream()
                .map(m -> {
                    try {
                        return (String) m.getContent();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).filter(t -> t.contains("Also held back")).findFirst().orElseThrow();
        assertThat(second).contains("Also held back since the last mail of this kind: 2 alerts");
        heldMails.sendDueSummaries();
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).as("nothing left to summarise").hasSize(2);
    }
}
