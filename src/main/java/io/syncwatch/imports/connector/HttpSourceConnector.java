package io.syncwatch.imports.connector;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.application.port.out.SourcePlatformConnector;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.SourceCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The base of an HTTP source-platform connector. A connector extends it, says how it
 * authenticates ({@link #authorize}) and calls {@link #get}, {@link #find} or {@link #post}; the
 * base does the rest the same way for every platform:
 * <ul>
 * <li>the HTTP client: built from the injected {@code RestClient.Builder} on the JDK
 * {@code HttpClient}, with the connect and read timeouts of {@link HttpSourceSettings} and
 * redirects off (credentials are never sent to another host);</li>
 * <li>retries: transient failures (5xx, timeouts, refused connections, unknown hosts) are tried
 * {@code attempts} times with doubling back-off through Spring's {@link RetryTemplate}; a 5xx
 * answer's {@code Retry-After} is waited out when it is short (see {@link RetryAfterBackOff});
 * nothing else is retried, 429 included;</li>
 * <li>failure classification, in {@link #classify} only: 401 → authentication failed, 403 →
 * permission denied, 429 → rate limited with the platform's retry-after, 404 → {@link #notFound},
 * 5xx → source unreachable, any other answer → invalid data, a 2xx body that is not JSON →
 * invalid data, no answer → source unreachable worded by {@link TransportFailures} ("did not
 * answer in time", "refused the connection", ...).</li>
 * </ul>
 * Messages name the platform and quote its own error text, never a credential or a query string.
 * The wording hooks ({@link #authenticationFailedMessage} ...) let a connector say what an admin
 * should do on its platform.
 */
public abstract class HttpSourceConnector implements SourcePlatformConnector {

    private static final Logger log = LoggerFactory.getLogger(HttpSourceConnector.class);

    private final String platform;
    private final HttpSourceSettings settings;
    private final Clock clock;
    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param platform the platform's name as messages start with it ("Zendesk")
     * @param http the application's {@code RestClient.Builder} (a fresh one per connector)
     * @param settings {@link HttpSourceSettings#of} the connector's key
     * @param clock for waits the platform states as a point in time
     */
    protected HttpSourceConnector(String platform, RestClient.Builder http, HttpSourceSettings settings, Clock clock) {
        this.platform = platform;
        this.settings = settings;
        this.clock = clock;
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
        factory.setReadTimeout(settings.readTimeout());
        this.http = http.requestFactory(factory).build();
    }

    protected final HttpSourceSettings settings() {
        return settings;
    }

    protected final Clock clock() {
        return clock;
    }

    /** For request bodies. */
    protected final JsonMapper json() {
        return json;
    }

    /** Sets the {@code Authorization} header, and any other header the platform requires, for one request. */
    protected abstract void authorize(HttpHeaders headers, SourceCredentials credentials);

    /** GETs a JSON document; a 404 is a failure ({@link #notFound}). */
    protected final JsonNode get(SourceCredentials credentials, String url) throws SourceFailure {
        return call(credentials, HttpMethod.GET, url, null, false).orElseThrow();
    }

    /** GETs a JSON document that may not exist: empty on 404. */
    protected final Optional<JsonNode> find(SourceCredentials credentials, String url) throws SourceFailure {
        return call(credentials, HttpMethod.GET, url, null, true);
    }

    /** POSTs a JSON body (a search, say) and reads the JSON answer; a 404 is a failure. */
    protected final JsonNode post(SourceCredentials credentials, String url, JsonNode body) throws SourceFailure {
        return call(credentials, HttpMethod.POST, url, body, false).orElseThrow();
    }

    /** The conversation a single-record fetch mapped, or invalid data naming the record when it could not be mapped. */
    protected static SourceConversation conversationOf(SourceRecord record) throws SourceFailure {
        return switch (record) {
            case SourceRecord.Valid valid -> valid.conversation();
            case SourceRecord.Malformed malformed -> throw SourceFailure.invalidData(malformed.describe(), null);
        };
    }

    // ---- wording: what a connector may say differently ----

    /** The platform's own error text in an error answer, as {@code ": text"}, or {@code ""}. */
    protected String errorDetail(JsonNode body) {
        for (JsonNode candidate : List.of(body.path("error"), body.path("error").path("title"),
                body.path("errors").path(0).path("message"), body.path("message"), body.path("description"))) {
            if (candidate.isString() && !candidate.asString().isBlank()) {
                return ": " + candidate.asString();
            }
        }
        return "";
    }

    /** The message of a 401; {@code detail} is {@link #errorDetail}. */
    protected String authenticationFailedMessage(String detail) {
        return platform + " rejected the credentials (HTTP 401" + detail + "). Reconnect with valid credentials.";
    }

    /** The message of a 403; {@code detail} is {@link #errorDetail}. */
    protected String permissionDeniedMessage(String detail) {
        return platform + " denied access (HTTP 403" + detail + ").";
    }

    /** What a 429 adds after "HTTP 429" (the platform's limit, say), or {@code ""}. */
    protected String rateLimitDetail(HttpHeaders headers) {
        return "";
    }

    /**
     * How long the platform asked to wait, from a 429 or 503 answer's headers: by default
     * {@code Retry-After} in seconds or as an HTTP date; {@code null} when it did not say.
     */
    protected @Nullable Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** A 404 where the document must exist; {@code address} is the URL without its query string. */
    protected SourceFailure notFound(String address, String detail) {
        return refused(404, detail);
    }

    /** The message when no answer came; {@code what} is "did not answer in time", "refused the connection"... */
    protected String unreachableMessage(String what, String address) {
        return platform + " " + what + " (" + address + ").";
    }

    // ---- the call ----

    private Optional<JsonNode> call(SourceCredentials credentials, HttpMethod method, String url, @Nullable JsonNode body,
            boolean notFoundIsEmpty) throws SourceFailure {
        String address = withoutQuery(url);
        RetryAfterBackOff backOff = new RetryAfterBackOff(settings);
        RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
                .predicate(t -> t instanceof SourceFailure failure && failure.transientFailure()).backOff(backOff).build());
        retries.setRetryListener(new RetryListener() {
            @Override
            public void onRetryableExecution(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                if (!state.isSuccessful()) {
                    log.debug("{} call to {} failed (try {} of {}): {}", platform, address, state.getRetryCount() + 1,
                            settings.attempts(), state.getLastException().getMessage());
                }
            }
        });
        try {
            return retries.execute(() -> once(credentials, method, url, address, body, notFoundIsEmpty, backOff));
        } catch (RetryException e) {
            // the last try's failure (also when the wait before a retry was interrupted)
            switch (e.getCause()) {
                case SourceFailure failure -> throw failure;
                case RuntimeException unexpected -> throw unexpected;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    private Optional<JsonNode> once(SourceCredentials credentials, HttpMethod method, String url, String address,
            @Nullable JsonNode body, boolean notFoundIsEmpty, RetryAfterBackOff backOff) throws SourceFailure {
        long started = System.nanoTime();
        RestClient.RequestBodySpec request = http.method(method).uri(URI.create(url)).headers(h -> {
            authorize(h, credentials);
            h.setAccept(List.of(MediaType.APPLICATION_JSON));
        });
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        try {
            return request.exchange((req, res) -> {
                int status = res.getStatusCode().value();
                byte[] bytes = res.getBody().readAllBytes();
                if (status >= 200 && status < 300) {
                    try {
                        JsonNode tree = json.readTree(bytes);
                        return Optional.of(tree == null ? MissingNode.getInstance() : tree);
                    } catch (RuntimeException e) {
                        throw new Classified(SourceFailure.invalidData(platform + " answered with a body that is not JSON", e));
                    }
                }
                if (status == 404 && notFoundIsEmpty) {
                    return Optional.<JsonNode>empty();
                }
                SourceFailure failure = classify(status, res.getHeaders(), bytes, address);
                if (failure.transientFailure()) {
                    backOff.retryAfter(retryAfter(res.getHeaders()));
                }
                throw new Classified(failure);
            });
        } catch (Classified classified) {
            throw classified.failure;
        } catch (ResourceAccessException e) {
            String what = TransportFailures.what(e, started, settings.readTimeout());
            throw SourceFailure.unreachable(unreachableMessage(what, address), e.getMostSpecificCause());
        }
    }

    /** Every HTTP error answer's category, in one place. */
    private SourceFailure classify(int status, HttpHeaders headers, byte[] body, String address) {
        String detail = detailOf(body);
        return switch (status) {
            case 401 -> SourceFailure.authenticationFailed(authenticationFailedMessage(detail));
            case 403 -> SourceFailure.permissionDenied(permissionDeniedMessage(detail));
            case 404 -> notFound(address, detail);
            case 429 -> SourceFailure.rateLimited(platform + "'s rate limit was reached (HTTP 429" + rateLimitDetail(headers)
                    + ").", retryAfter(headers));
            default -> status >= 500 ? SourceFailure.unreachable(platform + " answered HTTP " + status + detail + ".", null)
                    : refused(status, detail);
        };
    }

    private SourceFailure refused(int status, String detail) {
        return SourceFailure.invalidData(platform + " refused the request (HTTP " + status + detail + ").", null);
    }

    private String detailOf(byte[] body) {
        try {
            return errorDetail(json.readTree(body));
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Carries a classified failure out of the exchange callback. */
    private static final class Classified extends RuntimeException {
        private final SourceFailure failure;

        Classified(SourceFailure failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }
}
