package io.syncwatch.alerts.adapter.out.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.syncwatch.alerts.domain.InvalidWebhookUrl;
import io.syncwatch.alerts.domain.WebhookUrlPolicy;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Read timeouts, Retry-After in both forms and no redirects, against a loopback receiver; and the
 * SSRF guard applied to the one DNS resolution the connection uses.
 */
class ApacheHttpWebhookTransportTest {

    static WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    /**
     * For the tests that are not about time-outs: generous limits, so a loaded machine (a first
     * answer of WireMock can take seconds there) never turns an answer into a time-out.
     */
    final ApacheHttpWebhookTransport transport = new ApacheHttpWebhookTransport(
            new WebhookUrlPolicy(true, WebhookUrlPolicy.DNS), Duration.ofSeconds(10), Duration.ofSeconds(30), CLOCK);

    @BeforeAll
    static void start() {
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + receiver.port() + path);
    }

    @Test
    void aSlowReceiverTimesOutWithoutAStatus() {
        receiver.stubFor(post("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(3500)));
        var impatient = new ApacheHttpWebhookTransport(new WebhookUrlPolicy(true, WebhookUrlPolicy.DNS),
                Duration.ofSeconds(1), Duration.ofMillis(1500), CLOCK);
        var response = impatient.post(uri("/slow"), "{}", Map.of("Content-Type", "application/json"));
        assertThat(response.statusCode()).isNull();
        assertThat(response.error()).isEqualTo("Timed out");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        receiver.stubFor(post("/seconds").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        receiver.stubFor(post("/date").willReturn(
                aResponse().withStatus(503).withHeader("Retry-After", "Mon, 23 Nov 2026 08:30:00 GMT")));
        var seconds = transport.post(uri("/seconds"), "{}", Map.of());
        assertThat(seconds.statusCode()).as(seconds.toString()).isEqualTo(429);
        assertThat(seconds.retryAfter()).isEqualTo(Duration.ofMinutes(2));
        var dated = transport.post(uri("/date"), "{}", Map.of());
        assertThat(dated.statusCode()).isEqualTo(503);
        assertThat(dated.retryAfter()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void redirectsAreNotFollowed() {
        receiver.stubFor(post("/moved").willReturn(aResponse().withStatus(307).withHeader("Location", "http://10.0.0.1/")));
        assertThat(transport.post(uri("/moved"), "{}", Map.of()).statusCode()).isEqualTo(307);
    }

    @Test
    void aClosedPortIsAConnectionFailure() {
        var response = transport.post(URI.create("http://127.0.0.1:9/x"), "{}", Map.of());
        assertThat(response.statusCode()).isNull();
        assertThat(response.error()).startsWith("Connection failed");
    }

    /** A loopback port that counts the connections made to it. */
    static final class CountingListener implements AutoCloseable {

        final ServerSocket socket;
        final AtomicInteger accepted = new AtomicInteger();

        CountingListener() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** DNS rebinding: the first answer is a public address, every later one the private target. */
    static WebhookUrlPolicy.Resolver rebinding(AtomicInteger lookups, String first, String later) {
        return host -> {
            try {
                return List.of(InetAddress.getByName(lookups.incrementAndGet() == 1 ? first : later));
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void theAddressCheckedIsTheAddressConnectedTo_aRebindingAnswerIsNeverUsed() throws Exception {
        try (var privateTarget = new CountingListener()) {
            var lookups = new AtomicInteger();
            // 192.0.2.10 (TEST-NET-1) counts as public; 127.0.0.1 is refused (loopback not allowed)
            var sender = new ApacheHttpWebhookTransport(
                    new WebhookUrlPolicy(false, rebinding(lookups, "192.0.2.10", "127.0.0.1")),
                    Duration.ofMillis(300), Duration.ofMillis(500), CLOCK);

            var response = sender.post(URI.create("https://hooks.example.test:" + privateTarget.port() + "/hook"), "{}",
                    Map.of());

            assertThat(lookups).as("one resolution per attempt").hasValue(1);
            assertThat(response.statusCode()).as("the public address does not answer here").isNull();
            Thread.sleep(200);
            assertThat(privateTarget.accepted).as("the private address is never connected to").hasValue(0);
        }
    }

    @Test
    void aHostResolvingToAPrivateAddressAtSendTimeIsRefusedWithoutConnecting() throws Exception {
        try (var privateTarget = new CountingListener()) {
            var lookups = new AtomicInteger();
            var policy = new WebhookUrlPolicy(false, rebinding(lookups, "93.184.216.34", "127.0.0.1"));
            String url = "https://hooks.example.test:" + privateTarget.port() + "/hook";
            URI registered = policy.check(url); // registration saw the public address
            var sender = new ApacheHttpWebhookTransport(policy, Duration.ofMillis(300), Duration.ofMillis(500), CLOCK);

            assertThatThrownBy(() -> sender.post(registered, "{}", Map.of())).isInstanceOf(InvalidWebhookUrl.class)
                    .hasMessageContaining("127.0.0.1").hasMessageContaining("public addresses only");
            assertThat(lookups).hasValue(2);
            Thread.sleep(200);
            assertThat(privateTarget.accepted).as("never connected").hasValue(0);
        }
    }

    @Test
    void anIpLiteralGoesThroughTheSameCheck() throws Exception {
        try (var privateTarget = new CountingListener()) {
            var sender = new ApacheHttpWebhookTransport(new WebhookUrlPolicy(false, WebhookUrlPolicy.DNS),
                    Duration.ofMillis(300), Duration.ofMillis(500), CLOCK);
            assertThatThrownBy(() -> sender.post(URI.create("https://127.0.0.1:" + privateTarget.port() + "/hook"), "{}",
                    Map.of())).isInstanceOf(InvalidWebhookUrl.class).hasMessageContaining("public addresses only");
            Thread.sleep(200);
            assertThat(privateTarget.accepted).hasValue(0);
        }
    }

    /** Issue 16.2 at connect time: the forms registration refuses are refused again by the sender's DNS hook. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "[::127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]",
            "0177.0.0.1", "127.1", "2130706433" })
    void embeddedAndNumericLoopbackFormsAreRefusedAtConnectTimeWithoutConnecting(String host) throws Exception {
        try (var privateTarget = new CountingListener()) {
            var sender = new ApacheHttpWebhookTransport(new WebhookUrlPolicy(false, WebhookUrlPolicy.DNS),
                    Duration.ofMillis(300), Duration.ofMillis(500), CLOCK);
            assertThatThrownBy(() -> sender.post(URI.create("https://" + host + ":" + privateTarget.port() + "/hook"), "{}",
                    Map.of())).isInstanceOf(InvalidWebhookUrl.class).hasMessageContaining("127.0.0.1");
            assertThat(privateTarget.accepted).as("refused while resolving, before any connection").hasValue(0);
        }
    }
}
