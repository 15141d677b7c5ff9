package io.syncwatch.imports.adapter.out.source.zendesk;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.syncwatch.imports.adapter.out.source.TransportFailures;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.application.port.out.SourcePlatformConnector;
import io.syncwatch.imports.application.port.out.SourceRequest;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog.CredentialField;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zendesk Support. Imports use the cursor-based incremental ticket export
 * ({@code /api/v2/incremental/tickets/cursor.json}: {@code start_time} on the first run, then the
 * stored {@code after_cursor}, until {@code end_of_stream}); one ticket comes from
 * {@code /api/v2/tickets/{id}.json}; the connection test reads {@code /api/v2/users/me.json},
 * which needs only read access. Credentials travel only in the Authorization header, which is
 * never logged.
 */
@Component
class ZendeskConnector implements SourcePlatformConnector {

    private static final Logger log = LoggerFactory.getLogger(ZendeskConnector.class);
    static final String KEY = "zendesk";

    private final String baseUrlTemplate;
    private final RestClient http;
    private final int attempts;
    private final Duration backoff;
    private final Duration readTimeout;
    private final JsonMapper json = JsonMapper.builder().build();

    ZendeskConnector(@Value("${syncwatch.connectors.zendesk.base-url:https://{subdomain}.zendesk.com}") String baseUrlTemplate,
            @Value("${syncwatch.connectors.zendesk.connect-timeout:5s}") Duration connectTimeout,
            @Value("${syncwatch.connectors.zendesk.read-timeout:30s}") Duration readTimeout,
            @Value("${syncwatch.connectors.zendesk.attempts:3}") int attempts,
            @Value("${syncwatch.connectors.zendesk.backoff:500ms}") Duration backoff) {
        this.baseUrlTemplate = baseUrlTemplate;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.readTimeout = readTimeout;
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build());
        factory.setReadTimeout(readTimeout);
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    @Override
    public PlatformDescriptor descriptor() {
        return new PlatformDescriptor(KEY, "Zendesk Support", "Tickets from Zendesk Support (incremental export).",
                List.of(new CredentialField("subdomain", "Subdomain", false, true, List.of(),
                                "The part before .zendesk.com, e.g. 'acme' for acme.zendesk.com"),
                        new CredentialField("email", "Agent email", false, true, List.of(),
                                "Email of the agent the API token belongs to"),
                        new CredentialField("apiToken", "API token", true, true, List.of(),
                                "Admin Center › Apps and integrations › Zendesk API › API tokens")),
                true, "Ticket ID", EnumSet.allOf(FilterField.class),
                List.of("new", "open", "pending", "hold", "solved", "closed"), Set.of("solved", "closed"));
    }

    private String baseUrl(SourceCredentials credentials) throws SourceFailure {
        String subdomain = credentials.get("subdomain").strip();
        if (!subdomain.matches("[A-Za-z0-9][A-Za-z0-9-]{0,62}")) {
            throw SourceFailure.invalidData("'" + subdomain + "' is not a Zendesk subdomain (letters, digits and dashes)", null);
        }
        return baseUrlTemplate.replace("{subdomain}", subdomain);
    }

    private static String authorization(SourceCredentials credentials) {
        String user = credentials.get("email").strip() + "/token:" + credentials.get("apiToken").strip();
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String testConnection(SourceCredentials credentials) throws SourceFailure {
        JsonNode body = get(baseUrl(credentials) + "/api/v2/users/me.json", credentials, false).orElseThrow();
        JsonNode user = body.path("user");
        // An unauthenticated call answers 200 with an anonymous user (no id).
        if (user.path("id").isNull() || user.path("id").isMissingNode()) {
            throw SourceFailure.authenticationFailed("Zendesk did not accept the email and API token (signed in as an anonymous user).");
        }
        return "Connected to " + credentials.get("subdomain") + ".zendesk.com as " + user.path("email").asString("")
                + " (" + user.path("role").asString("") + ")";
    }

    @Override
    public SourcePage fetchChanges(SourceRequest request) throws SourceFailure {
        String url = baseUrl(request.credentials()) + "/api/v2/incremental/tickets/cursor.json?per_page="
                + Math.min(1000, Math.max(1, request.pageSize()))
                + (request.checkpoint() == null ? "&start_time=" + request.startFrom().getEpochSecond()
                        : "&cursor=" + java.net.URLEncoder.encode(request.checkpoint(), StandardCharsets.UTF_8));
        JsonNode body = get(url, request.credentials(), false).orElseThrow();
        List<SourceRecord> records = new ArrayList<>();
        for (JsonNode ticket : body.path("tickets")) {
            records.add(toRecord(ticket));
        }
        String after = body.path("after_cursor").isString() ? body.path("after_cursor").asString() : request.checkpoint();
        boolean end = body.path("end_of_stream").asBoolean(true);
        return SourcePage.of(records, after, end);
    }

    @Override
    public Optional<SourceConversation> fetchOne(SourceCredentials credentials, String reference) throws SourceFailure {
        if (!reference.strip().matches("\\d{1,19}")) {
            return Optional.empty();
        }
        Optional<JsonNode> body = get(baseUrl(credentials) + "/api/v2/tickets/" + reference.strip() + ".json", credentials, true);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        SourceRecord record = toRecord(body.get().path("ticket"));
        if (record instanceof SourceRecord.Valid valid) {
            return Optional.of(valid.conversation());
        }
        throw SourceFailure.invalidData(((SourceRecord.Malformed) record).describe(), null);
    }

    /** Maps an exported ticket; anything unusable becomes a malformed record naming the ticket. */
    static SourceRecord toRecord(JsonNode ticket) {
        JsonNode id = ticket.path("id");
        if (!id.isNumber()) {
            return SourceRecord.malformed(null, "the ticket has no id");
        }
        String reference = Long.toString(id.asLong());
        Instant created;
        Instant updated;
        try {
            created = Instant.parse(ticket.path("created_at").asString());
            updated = Instant.parse(ticket.path("updated_at").asString());
        } catch (DateTimeParseException | NullPointerException e) {
            return SourceRecord.malformed(reference, "its created_at/updated_at is not an ISO-8601 timestamp ('"
                    + ticket.path("updated_at").asString("") + "')");
        }
        Set<String> tags = new LinkedHashSet<>();
        ticket.path("tags").forEach(t -> tags.add(t.asString()));
        Map<String, String> custom = new LinkedHashMap<>();
        for (JsonNode field : ticket.path("custom_fields")) {
            JsonNode value = field.path("value");
            if (!value.isNull() && !value.isMissingNode()) {
                custom.put(field.path("id").asString(), value.isArray() ? joined(value) : value.asString());
            }
        }
        JsonNode assignee = ticket.path("assignee_id");
        return SourceRecord.valid(new SourceConversation(reference, text(ticket.path("via").path("channel")),
                assignee.isNumber() ? Long.toString(assignee.asLong()) : null, text(ticket.path("status")), tags, custom,
                text(ticket.path("subject")), created, updated));
    }

    private static String joined(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return String.join(",", values);
    }

    private static @Nullable String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    /** GET with bounded retries for transient failures; maps HTTP errors to failure categories. */
    private Optional<JsonNode> get(String url, SourceCredentials credentials, boolean notFoundIsEmpty) throws SourceFailure {
        SourceFailure last = null;
        Duration wait = backoff;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return call(url, credentials, notFoundIsEmpty);
            } catch (SourceFailure failure) {
                if (!failure.transientFailure()) {
                    throw failure;
                }
                last = failure;
                log.debug("Zendesk call failed (attempt {} of {}): {}", attempt, attempts, failure.getMessage());
                if (attempt < attempts) {
                    sleep(wait);
                    wait = wait.multipliedBy(2);
                }
            }
        }
        throw last;
    }

    private Optional<JsonNode> call(String url, SourceCredentials credentials, boolean notFoundIsEmpty) throws SourceFailure {
        long started = System.nanoTime();
        try {
            return http.get().uri(java.net.URI.create(url)).header("Authorization", authorization(credentials))
                    .header("Accept", "application/json")
                    .exchange((req, res) -> {
                        HttpStatusCode status = res.getStatusCode();
                        byte[] bytes = res.getBody().readAllBytes();
                        if (status.is2xxSuccessful()) {
                            try {
                                return Optional.of(json.readTree(bytes));
                            } catch (RuntimeException e) {
                                throw new Failure(SourceFailure.invalidData("Zendesk answered with a body that is not JSON", e));
                            }
                        }
                        int code = status.value();
                        String detail = errorOf(bytes);
                        if (code == 404 && notFoundIsEmpty) {
                            return Optional.<JsonNode>empty();
                        }
                        throw new Failure(switch (code) {
                            case 401 -> SourceFailure.authenticationFailed("Zendesk rejected the email and API token (HTTP 401"
                                    + detail + "). Reconnect with a valid API token.");
                            case 403 -> SourceFailure.permissionDenied("Zendesk denied access (HTTP 403" + detail
                                    + "): the agent needs permission to read tickets (an admin role for the incremental export).");
                            case 429 -> SourceFailure.rateLimited("Zendesk's rate limit was reached (HTTP 429).",
                                    retryAfter(res.getHeaders().getFirst("Retry-After")));
                            case 404 -> SourceFailure.invalidData("Zendesk answered 404 for " + pathOf(url)
                                    + ": check the subdomain.", null);
                            default -> code >= 500 ? SourceFailure.unreachable("Zendesk answered HTTP " + code + detail + ".", null)
                                    : SourceFailure.invalidData("Zendesk refused the request (HTTP " + code + detail + ").", null);
                        });
                    });
        } catch (Failure f) {
            throw f.failure;
        } catch (ResourceAccessException e) {
            Throwable cause = e.getMostSpecificCause();
            String what = TransportFailures.what(e, started, readTimeout);
            throw SourceFailure.unreachable("Zendesk " + what + " (" + pathOf(url) + ").", cause);
        }
    }

    private static String pathOf(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private String errorOf(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            String error = node.path("error").isString() ? node.path("error").asString()
                    : node.path("error").path("title").asString("");
            return error.isBlank() ? "" : ": " + error;
        } catch (RuntimeException e) {
            return "";
        }
    }

    static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Carries a classified failure out of the exchange callback. */
    private static final class Failure extends RuntimeException {
        private final SourceFailure failure;

        Failure(SourceFailure failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }
}
