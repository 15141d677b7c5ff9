package io.syncwatch.imports.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.application.port.out.SourceRequest;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import tools.jackson.databind.JsonNode;

/**
 * The kit's own behaviour, with a minimal connector: settings and their defaults, the client
 * built from the injected builder, no redirects, which failures are retried and how long it
 * waits (doubling back-off, a 5xx's Retry-After), and the classification of answers.
 */
class HttpSourceConnectorTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final SourceCredentials CREDENTIALS = new SourceCredentials(Map.of("token", "t-secret-1"));

    WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** Reads /thing with a bearer token; says nothing platform-specific. */
    static final class Probe extends HttpSourceConnector {
        final String base;

        Probe(RestClient.Builder http, HttpSourceSettings settings) {
            super("Probe", http, settings, Clock.fixed(NOW, ZoneOffset.UTC));
            this.base = settings.baseUrlOr("https://probe.invalid");
        }

        JsonNode thing() throws SourceFailure {
            return get(CREDENTIALS, base + "/thing?cursor=abc");
        }

        @Override
        protected void authorize(HttpHeaders headers, SourceCredentials credentials) {
            headers.setBearerAuth(credentials.get("token"));
        }

        @Override
        public PlatformDescriptor descriptor() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String testConnection(SourceCredentials credentials) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SourcePage fetchChanges(SourceRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<SourceConversation> fetchOne(SourceCredentials credentials, String reference) {
            throw new UnsupportedOperationException();
        }
    }

    /** Generous timeouts: on a loaded machine the first answer of a fresh WireMock can take seconds. */
    static final Duration PATIENT = Duration.ofSeconds(15);

    Probe probe(int attempts, Duration backoff) {
        return new Probe(RestClient.builder(), new HttpSourceSettings(server.baseUrl(), PATIENT, PATIENT, attempts, backoff,
                Duration.ofSeconds(30)));
    }

    /** Milliseconds between consecutive requests to /thing, in the order they came. */
    List<Long> gapsBetweenRequests() {
        List<Long> at = server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .map(r -> r.getLoggedDate().getTime()).sorted(Comparator.naturalOrder()).toList();
        return java.util.stream.IntStream.range(1, at.size()).mapToObj(i -> at.get(i) - at.get(i - 1)).toList();
    }

    @Test
    void settingsComeFromTheConnectorsPropertiesWithTheirDefaultsInOnePlace() {
        HttpSourceSettings defaults = HttpSourceSettings.of(new MockEnvironment(), "probe");
        assertThat(defaults).isEqualTo(new HttpSourceSettings(null, Duration.ofSeconds(5), Duration.ofSeconds(30), 3,
                Duration.ofMillis(500), Duration.ofSeconds(30)));
        assertThat(defaults.baseUrlOr("https://{subdomain}.probe.test")).isEqualTo("https://{subdomain}.probe.test");

        HttpSourceSettings set = HttpSourceSettings.of(new MockEnvironment()
                .withProperty("syncwatch.connectors.probe.base-url", "http://127.0.0.1:9/p")
                .withProperty("syncwatch.connectors.probe.read-timeout", "2s")
                .withProperty("syncwatch.connectors.probe.attempts", "0")
                .withProperty("syncwatch.connectors.probe.max-retry-after", "5s")
                .withProperty("syncwatch.connectors.other.attempts", "9"), "probe");
        assertThat(set.baseUrl()).isEqualTo("http://127.0.0.1:9/p");
        assertThat(set.readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(set.attempts()).as("at least one try").isEqualTo(1);
        assertThat(set.maxRetryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(HttpSourceSettings.of(new MockEnvironment().withProperty("syncwatch.connectors.probe.base-url", " "),
                "probe").baseUrl()).as("blank means not set").isNull();
    }

    @Test
    void theClientIsBuiltFromTheInjectedBuilderAndTheCredentialsGoInTheHeaderOnly() throws Exception {
        server.stubFor(get(urlPathEqualTo("/thing")).willReturn(okJson("{\"ok\": true}")));
        Probe probe = new Probe(RestClient.builder().defaultHeader("X-Application", "syncwatch"),
                new HttpSourceSettings(server.baseUrl(), PATIENT, PATIENT, 1, Duration.ZERO, Duration.ZERO));

        assertThat(probe.thing().path("ok").asBoolean()).isTrue();
        server.verify(getRequestedFor(urlPathEqualTo("/thing")).withHeader("X-Application", equalTo("syncwatch"))
                .withHeader("Authorization", equalTo("Bearer t-secret-1")).withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void aRedirectIsNotFollowedSoCredentialsNeverReachAnotherHost() {
        server.stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", server.baseUrl() + "/elsewhere")));

        assertThatThrownBy(() -> probe(3, Duration.ZERO).thing()).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).isEqualTo("Probe refused the request (HTTP 302).");
        });
        server.verify(0, getRequestedFor(urlPathEqualTo("/elsewhere")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/thing")));
    }

    @Test
    void transientFailuresAreTriedAgainAfterADoublingBackOffThenReportedAsTheLastOne() {
        server.stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(502)
                .withBody("{\"message\": \"Bad gateway\"}")));

        assertThatThrownBy(() -> probe(3, Duration.ofMillis(200)).thing()).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
            assertThat(f.getMessage()).isEqualTo("Probe answered HTTP 502: Bad gateway.");
        });
        server.verify(3, getRequestedFor(urlPathEqualTo("/thing")));
        assertThat(gapsBetweenRequests()).hasSize(2).satisfies(gaps -> {
            assertThat(gaps.get(0)).as("backoff").isGreaterThanOrEqualTo(200);
            assertThat(gaps.get(1)).as("doubled").isGreaterThanOrEqualTo(400);
        });
    }

    @Test
    void aTransientFailureFollowedByAnAnswerIsTheAnswer() throws Exception {
        server.stubFor(get(urlPathEqualTo("/thing")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo("/thing")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"n\": 2}")));

        assertThat(probe(3, Duration.ofMillis(10)).thing().path("n").asInt()).isEqualTo(2);
        server.verify(2, getRequestedFor(urlPathEqualTo("/thing")));
    }

    @Test
    void a503sRetryAfterIsWaitedOutWhenItIsShortAndEndsTheCallWhenItIsLong() throws Exception {
        server.stubFor(get(urlPathEqualTo("/thing")).inScenario("maintenance").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("back"));
        server.stubFor(get(urlPathEqualTo("/thing")).inScenario("maintenance").whenScenarioStateIs("back")
                .willReturn(okJson("{\"n\": 1}")));

        assertThat(probe(3, Duration.ofMillis(10)).thing().path("n").asInt()).isEqualTo(1);
        assertThat(gapsBetweenRequests()).singleElement().as("waited the second it asked for, not 10 ms")
                .satisfies(gap -> assertThat(gap).isGreaterThanOrEqualTo(1000));

        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
        assertThatThrownBy(() -> probe(3, Duration.ofMillis(10)).thing()).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
            assertThat(f.getMessage()).isEqualTo("Probe answered HTTP 503.");
        });
        server.verify(1, getRequestedFor(urlPathEqualTo("/thing")));
    }

    @Test
    void rateLimitsAndRefusalsAreNotRetriedAndTheRetryAfterMayBeADate() {
        server.stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "Sun, 01 Mar 2026 12:02:30 GMT")));
        assertThatThrownBy(() -> probe(3, Duration.ZERO).thing()).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.RATE_LIMITED);
            assertThat(f.getMessage()).isEqualTo("Probe's rate limit was reached (HTTP 429).");
            assertThat(f.retryAfter()).as("from the clock's now").isEqualTo(Duration.ofSeconds(150));
        });

        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\": [{\"message\": \"Token expired\"}]}")));
        assertThatThrownBy(() -> probe(3, Duration.ZERO).thing()).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED);
            assertThat(f.getMessage()).isEqualTo(
                    "Probe rejected the credentials (HTTP 401: Token expired). Reconnect with valid credentials.")
                    .doesNotContain("t-secret-1");
        });

        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> probe(3, Duration.ZERO).thing()).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).isEqualTo("Probe refused the request (HTTP 404).");
        });
        server.verify(1, getRequestedFor(urlPathEqualTo("/thing")));
    }

    @Test
    void theWaitBeforeARetryCanBeInterruptedAndTheLastFailureIsReported() throws Exception {
        server.stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(500)));
        Probe patient = probe(2, Duration.ofSeconds(30));
        var outcome = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var interruptedAfterwards = new java.util.concurrent.atomic.AtomicBoolean();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                patient.thing();
            } catch (Throwable t) {
                outcome.set(t);
            }
            interruptedAfterwards.set(Thread.currentThread().isInterrupted());
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> server.getAllServeEvents().size() == 1);
        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOfSatisfying(SourceFailure.class,
                f -> assertThat(f.getMessage()).isEqualTo("Probe answered HTTP 500."));
        assertThat(interruptedAfterwards).as("the interrupt is kept for the caller").isTrue();
        server.verify(1, getRequestedFor(urlPathEqualTo("/thing")));
    }

    @Test
    void anAnswerThatIsNotJsonIsInvalidDataAndTheErrorTextOfCommonShapesIsQuoted() {
        server.stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        assertThatThrownBy(() -> probe(3, Duration.ZERO).thing()).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).isEqualTo("Probe answered with a body that is not JSON");
        });

        for (var shape : Map.of("{\"error\": \"InvalidCursor\"}", "InvalidCursor",
                "{\"error\": {\"title\": \"Bad cursor\", \"message\": \"…\"}}", "Bad cursor",
                "{\"errors\": [{\"code\": \"x\", \"message\": \"Cursor expired\"}]}", "Cursor expired",
                "{\"code\": \"invalid_value\", \"message\": \"Cursor unknown\"}", "Cursor unknown",
                "{\"description\": \"Validation failed\"}", "Validation failed").entrySet()) {
            server.resetAll();
            server.stubFor(get(urlPathEqualTo("/thing")).willReturn(aResponse().withStatus(422).withBody(shape.getKey())));
            assertThatThrownBy(() -> probe(1, Duration.ZERO).thing()).isInstanceOfSatisfying(SourceFailure.class,
                    f -> assertThat(f.getMessage()).isEqualTo("Probe refused the request (HTTP 422: " + shape.getValue() + ")."));
        }
    }

    @Test
    void noAnswerIsSourceUnreachableNamingTheAddressWithoutItsQuery() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Probe nowhere = new Probe(RestClient.builder(), new HttpSourceSettings("http://127.0.0.1:" + closed, PATIENT,
                PATIENT, 2, Duration.ofMillis(10), Duration.ZERO));

        assertThatThrownBy(nowhere::thing).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
            assertThat(f.getMessage()).isEqualTo("Probe refused the connection (http://127.0.0.1:" + closed + "/thing).");
        });
    }
}
