package io.syncwatch.health.adapter.out.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Read timeouts, Retry-After in both forms and no redirects, against a loopback receiver. */
class JdkHttpWebhookTransportTest {

    static WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    final JdkHttpWebhookTransport transport = new JdkHttpWebhookTransport(Duration.ofSeconds(1), Duration.ofMillis(1500),
            CLOCK);

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
        var response = transport.post(uri("/slow"), "{}", Map.of("Content-Type", "application/json"));
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
}
