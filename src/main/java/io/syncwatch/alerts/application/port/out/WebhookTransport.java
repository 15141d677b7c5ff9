package io.syncwatch.alerts.application.port.out;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Posts one webhook request (with connect and read timeouts). The transport resolves the host
 * once, applies the URL policy's address rules to that resolution and connects only to the
 * addresses it allowed (no second lookup a DNS rebinding could answer differently).
 */
public interface WebhookTransport {

    /** statusCode is null for timeouts and connection errors (error says which). */
    record Response(@Nullable Integer statusCode, @Nullable Duration retryAfter, long millis, @Nullable String error) {
    }

    /** @throws io.syncwatch.alerts.domain.InvalidWebhookUrl when the host resolves to a refused address */
    Response post(URI url, String body, Map<String, String> headers);
}
