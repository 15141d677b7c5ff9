package io.syncwatch.health.adapter.out.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.syncwatch.health.application.port.out.alerts.WebhookTransport;

/** Posts webhooks with the JDK HTTP client: no redirects followed, connect and read timeouts. */
@Component
class JdkHttpWebhookTransport implements WebhookTransport {

    private final HttpClient client;
    private final Duration readTimeout;
    private final Clock clock;

    JdkHttpWebhookTransport(@Value("${syncwatch.alerts.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${syncwatch.alerts.read-timeout:PT10S}") Duration readTimeout, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    @Override
    public Response post(URI url, String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(url).timeout(readTimeout).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Response(response.statusCode(),
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)), millis, null);
        } catch (HttpTimeoutException e) {
            return new Response(null, null, (System.nanoTime() - started) / 1_000_000, "Timed out");
        } catch (IOException e) {
            return new Response(null, null, (System.nanoTime() - started) / 1_000_000,
                    "Connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(null, null, 0, "Interrupted");
        }
    }

    /** Retry-After as seconds or as an HTTP date. */
    @Nullable Duration retryAfter(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                var at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
