package io.syncwatch.imports.connector;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * The HTTP settings of one connector, read from {@code syncwatch.connectors.<platform>.*}; the
 * defaults are here and nowhere else.
 *
 * @param baseUrl where the platform's API is ({@code base-url}); {@code null} when not set, in which
 *        case the connector uses its own default (a template such as
 *        {@code https://{subdomain}.zendesk.com}, or a regional URL)
 * @param connectTimeout HTTP connect timeout ({@code connect-timeout}, 5s)
 * @param readTimeout HTTP read timeout ({@code read-timeout}, 30s)
 * @param attempts tries per HTTP call, at least 1 ({@code attempts}, 3); only transient failures
 *        are tried again (timeout, refused connection, unknown host, 5xx)
 * @param backoff wait before the second try, doubled before each further one ({@code backoff}, 500ms)
 * @param maxRetryAfter the longest {@code Retry-After} of a 5xx answer that is waited out before
 *        the next try ({@code max-retry-after}, 30s); a longer one ends the call at once as source
 *        unreachable (the pipeline's own retries, or the next run, come later)
 */
public record HttpSourceSettings(@Nullable String baseUrl, @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout, @DefaultValue("3") int attempts,
        @DefaultValue("500ms") Duration backoff, @DefaultValue("30s") Duration maxRetryAfter) {

    /** The prefix of every connector's settings. */
    public static final String PREFIX = "syncwatch.connectors.";

    public HttpSourceSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        attempts = Math.max(1, attempts);
    }

    /** The settings of the connector whose key is {@code platformKey}, with the defaults above. */
    public static HttpSourceSettings of(Environment environment, String platformKey) {
        return Binder.get(environment).bindOrCreate(PREFIX + platformKey, HttpSourceSettings.class);
    }

    /** {@link #baseUrl()}, or the connector's default when it is not set. */
    public String baseUrlOr(String defaultBaseUrl) {
        return baseUrl != null ? baseUrl : defaultBaseUrl;
    }
}
