package io.syncwatch.imports.adapter.out.source.intercom;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Intercom. Imports search conversations with {@code updated_at > watermark}, sorted ascending,
 * paged with {@code starting_after}. The checkpoint keeps the watermark, the page cursor and the
 * newest update seen, so a rate limit mid-run resumes on the same page; when a search is
 * exhausted the watermark moves to one second before the newest update (re-reading that second
 * costs a few duplicates, which de-duplication skips, and never leaves a gap).
 */
@Component
class IntercomConnector implements SourcePlatformConnector {

    static final String KEY = "intercom";
    static final String API_VERSION = "2.11";
    static final Map<String, String> REGIONS = Map.of("US", "https://api.intercom.io", "EU", "https://api.eu.intercom.io",
            "AU", "https://api.au.intercom.io");

    private final @Nullable String baseUrlOverride;
    private final RestClient http;
    private final int attempts;
    private final Duration backoff;
    private final Duration readTimeout;
    private final JsonMapper json = JsonMapper.builder().build();

    IntercomConnector(@Value("${syncwatch.connectors.intercom.base-url:}") @Nullable String baseUrlOverride,
            @Value("${syncwatch.connectors.intercom.connect-timeout:5s}") Duration connectTimeout,
            @Value("${syncwatch.connectors.intercom.read-timeout:30s}") Duration readTimeout,
            @Value("${syncwatch.connectors.intercom.attempts:3}") int attempts,
            @Value("${syncwatch.connectors.intercom.backoff:500ms}") Duration backoff) {
        this.baseUrlOverride = baseUrlOverride == null || baseUrlOverride.isBlank() ? null : baseUrlOverride;
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
        return new PlatformDescriptor(KEY, "Intercom", "Conversations from Intercom (conversations search).",
                List.of(new CredentialField("accessToken", "Access token", true, true, List.of(),
                                "Developer Hub › your app › Authentication › Access token"),
                        new CredentialField("region", "Data region", false, true, List.of("US", "EU", "AU"),
                                "Where your Intercom workspace is hosted")),
                true, "Conversation ID", EnumSet.allOf(FilterField.class), List.of("open", "snoozed", "closed"),
                Set.of("closed"));
    }

    private String baseUrl(SourceCredentials credentials) throws SourceFailure {
        String region = credentials.get("region").isBlank() ? "US" : credentials.get("region");
        if (!REGIONS.containsKey(region)) {
            throw SourceFailure.invalidData("Unknown Intercom region '" + region + "' (US, EU or AU)", null);
        }
        return baseUrlOverride != null ? baseUrlOverride : REGIONS.get(region);
    }

    @Override
    public String testConnection(SourceCredentials credentials) throws SourceFailure {
        JsonNode me = send(credentials, baseUrl(credentials) + "/me", null, false).orElseThrow();
        return "Connected to Intercom workspace '" + me.path("app").path("name").asString("?") + "' as "
                + me.path("email").asString("an admin");
    }

    record Checkpoint(long watermark, @Nullable String startingAfter, long newest) {

        static Checkpoint parse(String text) {
            String[] p = text.split(";", -1);
            return new Checkpoint(Long.parseLong(p[0]), p[1].isEmpty() ? null : p[1], Long.parseLong(p[2]));
        }

        String format() {
            return watermark + ";" + (startingAfter == null ? "" : startingAfter) + ";" + newest;
        }
    }

    @Override
    public SourcePage fetchChanges(SourceRequest request) throws SourceFailure {
        Checkpoint at = request.checkpoint() == null
                ? new Checkpoint(request.startFrom().getEpochSecond() - 1, null, request.startFrom().getEpochSecond() - 1)
                : Checkpoint.parse(request.checkpoint());
        ObjectNode body = json.createObjectNode();
        ObjectNode query = body.putObject("query");
        query.put("field", "updated_at").put("operator", ">").put("value", at.watermark());
        body.putObject("sort").put("field", "updated_at").put("order", "ascending");
        ObjectNode pagination = body.putObject("pagination").put("per_page", Math.min(150, Math.max(1, request.pageSize())));
        if (at.startingAfter() != null) {
            pagination.put("starting_after", at.startingAfter());
        }
        JsonNode result = send(request.credentials(), baseUrl(request.credentials()) + "/conversations/search", body, false)
                .orElseThrow();
        List<SourceRecord> records = new ArrayList<>();
        long newest = at.newest();
        for (JsonNode conversation : result.path("conversations")) {
            SourceRecord record = toRecord(conversation);
            records.add(record);
            if (record instanceof SourceRecord.Valid v) {
                newest = Math.max(newest, v.conversation().updatedAt().getEpochSecond());
            }
        }
        JsonNode next = result.path("pages").path("next").path("starting_after");
        if (next.isString() && !records.isEmpty()) {
            return SourcePage.of(records, new Checkpoint(at.watermark(), next.asString(), newest).format(), false);
        }
        return SourcePage.of(records, new Checkpoint(Math.max(at.watermark(), newest - 1), null, newest).format(), true);
    }

    @Override
    public Optional<SourceConversation> fetchOne(SourceCredentials credentials, String reference) throws SourceFailure {
        if (!reference.strip().matches("[A-Za-z0-9_-]{1,64}")) {
            return Optional.empty();
        }
        Optional<JsonNode> found = send(credentials, baseUrl(credentials) + "/conversations/" + reference.strip(), null, true);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SourceRecord record = toRecord(found.get());
        if (record instanceof SourceRecord.Valid v) {
            return Optional.of(v.conversation());
        }
        throw SourceFailure.invalidData(((SourceRecord.Malformed) record).describe(), null);
    }

    static SourceRecord toRecord(JsonNode c) {
        String id = c.path("id").isString() || c.path("id").isNumber() ? c.path("id").asString() : null;
        if (id == null || id.isBlank()) {
            return SourceRecord.malformed(null, "the conversation has no id");
        }
        if (!c.path("created_at").isNumber() || !c.path("updated_at").isNumber()) {
            return SourceRecord.malformed(id, "its created_at/updated_at is not a Unix timestamp ('"
                    + c.path("updated_at").asString("") + "')");
        }
        Set<String> tags = new LinkedHashSet<>();
        c.path("tags").path("tags").forEach(t -> tags.add(t.path("name").asString()));
        Map<String, String> attributes = new LinkedHashMap<>();
        c.path("custom_attributes").properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                attributes.put(e.getKey(), e.getValue().asString());
            }
        });
        JsonNode assignee = c.path("admin_assignee_id");
        String subject = c.path("title").isString() ? c.path("title").asString()
                : c.path("source").path("subject").isString() ? c.path("source").path("subject").asString() : null;
        return SourceRecord.valid(new SourceConversation(id, c.path("source").path("type").isString()
                ? c.path("source").path("type").asString() : null,
                assignee.isNumber() || assignee.isString() ? assignee.asString() : null,
                c.path("state").isString() ? c.path("state").asString() : null, tags, attributes, subject,
                Instant.ofEpochSecond(c.path("created_at").asLong()), Instant.ofEpochSecond(c.path("updated_at").asLong())));
    }

    private Optional<JsonNode> send(SourceCredentials credentials, String url, @Nullable JsonNode body, boolean notFoundIsEmpty)
            throws SourceFailure {
        SourceFailure last = null;
        Duration wait = backoff;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return once(credentials, url, body, notFoundIsEmpty);
            } catch (SourceFailure failure) {
                if (!failure.transientFailure()) {
                    throw failure;
                }
                last = failure;
                if (attempt < attempts) {
                    try {
                        Thread.sleep(wait.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw failure;
                    }
                    wait = wait.multipliedBy(2);
                }
            }
        }
        throw last;
    }

    private Optional<JsonNode> once(SourceCredentials credentials, String url, @Nullable JsonNode body,
            boolean notFoundIsEmpty) throws SourceFailure {
        long started = System.nanoTime();
        var spec = body == null ? http.get().uri(URI.create(url))
                : http.post().uri(URI.create(url)).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        try {
            return spec.header("Authorization", "Bearer " + credentials.get("accessToken").strip())
                    .header("Intercom-Version", API_VERSION).header("Accept", "application/json")
                    .exchange((req, res) -> {
                        int code = res.getStatusCode().value();
                        byte[] bytes = res.getBody().readAllBytes();
                        if (code >= 200 && code < 300) {
                            try {
                                return Optional.of(json.readTree(bytes));
                            } catch (RuntimeException e) {
                                throw new Failure(SourceFailure.invalidData("Intercom answered with a body that is not JSON", e));
                            }
                        }
                        if (code == 404 && notFoundIsEmpty) {
                            return Optional.<JsonNode>empty();
                        }
                        String detail = errorOf(bytes);
                        throw new Failure(switch (code) {
                            case 401 -> SourceFailure.authenticationFailed("Intercom rejected the access token (HTTP 401"
                                    + detail + "). Reconnect with a valid token.");
                            case 403 -> SourceFailure.permissionDenied("Intercom denied access (HTTP 403" + detail
                                    + "): the app needs the 'Read conversations' permission.");
                            case 429 -> SourceFailure.rateLimited("Intercom's rate limit was reached (HTTP 429"
                                    + remaining(res.getHeaders().getFirst("X-RateLimit-Limit")) + ").",
                                    retryAfter(res.getHeaders().getFirst("X-RateLimit-Reset")));
                            default -> code >= 500 ? SourceFailure.unreachable("Intercom answered HTTP " + code + detail + ".", null)
                                    : SourceFailure.invalidData("Intercom refused the request (HTTP " + code + detail + ").", null);
                        });
                    });
        } catch (Failure f) {
            throw f.failure;
        } catch (ResourceAccessException e) {
            String what = TransportFailures.what(e, started, readTimeout);
            throw SourceFailure.unreachable("Intercom " + what + ".", e.getMostSpecificCause());
        }
    }

    private static String remaining(@Nullable String limit) {
        return limit == null ? "" : ", limit " + limit + " requests per window";
    }

    /** X-RateLimit-Reset is the Unix time at which the window resets. */
    private static @Nullable Duration retryAfter(@Nullable String reset) {
        if (reset == null || reset.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(reset.strip()) - Instant.now().getEpochSecond();
            return Duration.ofSeconds(Math.max(1, seconds));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String errorOf(byte[] bytes) {
        try {
            JsonNode first = json.readTree(bytes).path("errors").path(0);
            String message = first.path("message").asString("");
            return message.isBlank() ? "" : ": " + message;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static final class Failure extends RuntimeException {
        private final SourceFailure failure;

        Failure(SourceFailure failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }
}
