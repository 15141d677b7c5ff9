package io.syncwatch.health.application.port.out.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Posts one webhook request (with connect and read timeouts). */
public interface WebhookTransport {

    /** statusCode is null for timeouts and connection errors (error says which). */
    record Response(@Nullable Integer statusCode, @Nullable Duration retryAfter, long millis, @Nullable String error) {
    }

    Response post(URI url, String body, Map<String, String> headers);
}
