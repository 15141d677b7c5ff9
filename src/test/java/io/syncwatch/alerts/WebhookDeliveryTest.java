package io.syncwatch.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.syncwatch.health.DetailedState;
import io.syncwatch.alerts.application.WebhookSignature;
import io.syncwatch.alerts.application.port.in.AlertEvents;
import io.syncwatch.alerts.application.port.in.WebhookAdministration;
import io.syncwatch.alerts.application.port.in.WebhookDispatch;
import io.syncwatch.alerts.application.port.in.WebhookNotFound;
import io.syncwatch.alerts.domain.InvalidWebhookUrl;
import io.syncwatch.alerts.domain.WebhookDelivery;
import io.syncwatch.alerts.domain.WebhookDelivery.Status;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.MovableClock;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/** Webhooks end to end against a local receiver on loopback, time moved by a test clock. */
@AlertsTest
class WebhookDeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(AlertsTest.SMTP_PORT, "127.0.0.1", "smtp"));

    static WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @Autowired
    TestAccounts accounts;
    @Autowired
    SignedIn signedIn;
    @Autowired
    WebhookAdministration admin;
    @Autowired
    WebhookDispatch dispatch;
    @Autowired
    AlertEvents alerts;
    @Autowired
    MovableClock clock;

    TestAccount account;
    String adminEmail;
    String path;

    @BeforeAll
    static void startReceiver() {
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void signIn() {
        account = accounts.createWithAllFeatures();
        adminEmail = accounts.user(account, Permission.ACCOUNT_ADMIN);
        signedIn.as(adminEmail);
        path = "/hook/" + UUID.randomUUID();
    }

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    WebhookAdministration.Registered register() {
        return admin.register("http://localhost:" + receiver.port() + path, "ops", EnumSet.allOf(WebhookEventType.class));
    }

    void stateChange() {
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 7, "Support desk", DetailedState.ACTIVE,
                DetailedState.SYNC_FAILING, clock.instant()));
    }

    int dispatchMine() {
        return dispatch.dispatchDue(account.id());
    }

    List<LoggedRequest> received() {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    WebhookDelivery latest(long endpointId) {
        return admin.deliveries(endpointId, 0, 1).getFirst();
    }

    @Test
    void aStateChangeArrivesSignedWithAnIdempotencyKeyAndTheReceiverCanVerifyIt() {
        receiver.stubFor(post(path).willReturn(aResponse().withStatus(204)));
        var registered = register();
        assertThat(registered.signingSecret()).startsWith("whsec_");

        stateChange();
        assertThat(dispatchMine()).isEqualTo(1);

        LoggedRequest request = received().getFirst();
        String body = request.getBodyAsString();
        String signature = request.getHeader("Syncwatch-Signature");
        assertThat(WebhookSignature.verify(registered.signingSecret(), signature, body, clock.instant().getEpochSecond(), 300))
                .isTrue();
        assertThat(request.getHeader("Syncwatch-Event-Id")).startsWith("evt_")
                .isEqualTo(request.getHeader("Idempotency-Key"));
        assertThat(body).contains("\"type\":\"integration.state_changed\"", "\"account\":" + account.id().value(),
                "\"integration\":{\"id\":7,\"name\":\"Support desk\",\"platform\":\"Zendesk\"}",
                "\"previousState\":{\"detailed\":\"Active\",\"summary\":\"Active\"}",
                "\"newState\":{\"detailed\":\"Sync failing\",\"summary\":\"Error\"}",
                "\"message\":\"The API answered HTTP 500 three times\"", "\"recommendedAction\":\"Check the platform");

        WebhookDelivery logged = latest(registered.endpoint().id());
        assertThat(logged.status()).isEqualTo(Status.DELIVERED);
        assertThat(logged.responseCode()).isEqualTo(204);
        assertThat(logged.attempts()).isEqualTo(1);

        String rotated = admin.rotateSecret(registered.endpoint().id());
        admin.sendTest(registered.endpoint().id());
        dispatchMine();
        LoggedRequest test = received().getLast();
        assertThat(test.getBodyAsString()).contains("\"type\":\"webhook.test\"");
        assertThat(WebhookSignature.verify(rotated, test.getHeader("Syncwatch-Signature"), test.getBodyAsString(),
                clock.instant().getEpochSecond(), 300)).isTrue();
        assertThat(WebhookSignature.verify(registered.signingSecret(), test.getHeader("Syncwatch-Signature"),
                test.getBodyAsString(), clock.instant().getEpochSecond(), 300)).as("old secret").isFalse();
    }

    @Test
    void fiveHundredsAndTooManyRequestsAreRetriedWithBackOffHonouringRetryAfter() {
        receiver.stubFor(post(path).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        receiver.stubFor(post(path).inScenario(path).whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")).willSetStateTo("third"));
        receiver.stubFor(post(path).inScenario(path).whenScenarioStateIs("third").willReturn(aResponse().withStatus(200)));
        long endpoint = register().endpoint().id();
        stateChange();

        assertThat(dispatchMine()).isEqualTo(1);
        WebhookDelivery first = latest(endpoint);
        assertThat(first.status()).isEqualTo(Status.RETRYING);
        assertThat(first.responseCode()).isEqualTo(503);
        assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofSeconds(30));
        assertThat(dispatchMine()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(dispatchMine()).isEqualTo(1);
        assertThat(latest(endpoint).responseCode()).isEqualTo(429);
        assertThat(latest(endpoint).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(600));

        clock.advance(Duration.ofSeconds(590));
        assertThat(dispatchMine()).as("Retry-After honoured").isZero();
        clock.advance(Duration.ofSeconds(11));
        assertThat(dispatchMine()).isEqualTo(1);
        assertThat(latest(endpoint).status()).isEqualTo(Status.DELIVERED);
        assertThat(latest(endpoint).attempts()).isEqualTo(3);
        assertThat(received()).hasSize(3).extracting(r -> r.getHeader("Syncwatch-Event-Id")).as("same event id")
                .containsOnly(latest(endpoint).eventId());
    }

    @Test
    void otherClientErrorsAreNeverRetried() {
        receiver.stubFor(post(path).willReturn(aResponse().withStatus(410)));
        long endpoint = register().endpoint().id();
        stateChange();

        dispatchMine();
        clock.advance(Duration.ofHours(3));
        assertThat(dispatchMine()).isZero();
        assertThat(latest(endpoint).status()).isEqualTo(Status.FAILED);
        assertThat(latest(endpoint).attempts()).isEqualTo(1);
        assertThat(received()).hasSize(1);
    }

    @Test
    void anEndpointFailingForFiveDaysIsDisabledAndTheAdminsAreTold() throws Exception {
        receiver.stubFor(post(path).willReturn(aResponse().withStatus(500)));
        long endpoint = register().endpoint().id();
        for (int hour = 0; hour <= 5 * 24; hour += 2) {
            if (hour % 24 == 0) {
                stateChange();
            }
            dispatchMine();
            if (hour < 5 * 24) {
                assertThat(admin.endpoints().getFirst().enabled()).as("still enabled after %d h", hour).isTrue();
            }
            clock.advance(Duration.ofHours(2));
        }
        var disabled = admin.endpoints().getFirst();
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledReason()).contains("Disabled automatically");
        assertThat(admin.notices()).singleElement().asString().contains("disabled automatically", path);
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).contains("[Syncwatch] Webhook endpoint disabled");

        int logged = admin.countDeliveries(endpoint);
        stateChange();
        assertThat(admin.countDeliveries(endpoint)).as("nothing queued for a disabled endpoint").isEqualTo(logged);
        admin.enable(endpoint);
        assertThat(admin.endpoints().getFirst().enabled()).isTrue();
    }

    @Test
    void resendOneAndReplayAllFailedSinceATime() {
        receiver.stubFor(post(path).willReturn(aResponse().withStatus(400)));
        long endpoint = register().endpoint().id();
        Instant start = clock.instant();
        stateChange();
        dispatchMine();
        clock.advance(Duration.ofMinutes(10));
        alerts.runFinished(AlertsFixtures.run(account.id(), 7, RunOutcome.FAILED, 0, clock.instant()));
        dispatchMine();
        assertThat(admin.deliveries(endpoint, 0, 10)).extracting(WebhookDelivery::status).containsOnly(Status.FAILED);
        assertThat(admin.deliveries(endpoint, 0, 10)).extracting(WebhookDelivery::eventType)
                .containsExactly(WebhookEventType.RUN_FAILED, WebhookEventType.STATE_CHANGED);

        receiver.stubFor(post(path).willReturn(aResponse().withStatus(200)));
        WebhookDelivery older = admin.deliveries(endpoint, 0, 10).getLast();
        admin.resend(older.id());
        assertThat(dispatchMine()).isEqualTo(1);
        assertThat(admin.deliveries(endpoint, 0, 10).getLast().status()).isEqualTo(Status.DELIVERED);

        assertThat(admin.replayFailedSince(endpoint, clock.instant().plusSeconds(1))).as("nothing that new").isZero();
        assertThat(admin.replayFailedSince(endpoint, start)).isEqualTo(1);
        assertThat(dispatchMine()).isEqualTo(1);
        assertThat(admin.deliveries(endpoint, 0, 10)).extracting(WebhookDelivery::status).containsOnly(Status.DELIVERED);
        assertThat(received().getLast().getBodyAsString()).contains("\"type\":\"import.run_failed\"",
                "\"name\":\"Support desk\"", "\"message\":\"Source unreachable\"");
    }

    @Test
    void privateAndLinkLocalTargetsAndPlainHttpAreRefused() {
        for (String url : List.of("https://10.0.0.5/hook", "https://192.168.1.20/hook", "https://172.16.0.1/hook",
                "https://169.254.169.254/latest/meta-data", "http://93.184.216.34/hook", "ftp://example.com/x")) {
            assertThatThrownBy(() -> admin.register(url, "", EnumSet.of(WebhookEventType.STATE_CHANGED))).as(url)
                    .isInstanceOf(InvalidWebhookUrl.class);
        }
        assertThat(admin.endpoints()).isEmpty();
    }

    @Test
    void anotherAccountsEndpointIsNotFound() {
        long endpoint = register().endpoint().id();
        TestAccount other = accounts.createWithAllFeatures();
        signedIn.as(accounts.user(other, Permission.ACCOUNT_ADMIN));

        assertThat(admin.endpoints()).isEmpty();
        assertThatThrownBy(() -> admin.disable(endpoint)).isInstanceOf(WebhookNotFound.class);
        assertThatThrownBy(() -> admin.rotateSecret(endpoint)).isInstanceOf(WebhookNotFound.class);
        assertThatThrownBy(() -> admin.deliveries(endpoint, 0, 10)).isInstanceOf(WebhookNotFound.class);
    }
}
