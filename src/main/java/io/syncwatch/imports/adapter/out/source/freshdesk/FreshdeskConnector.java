package io.syncwatch.imports.adapter.out.source.freshdesk;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.syncwatch.imports.adapter.out.source.freshdesk.FreshdeskCheckpoint.Listed;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.application.port.out.SourceRequest;
import io.syncwatch.imports.connector.HttpSourceConnector;
import io.syncwatch.imports.connector.HttpSourceSettings;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog.CredentialField;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import tools.jackson.databind.JsonNode;

/**
 * Freshdesk (REST API v2). Imports list {@code /api/v2/tickets} with {@code updated_since},
 * {@code order_by=updated_at}, {@code order_type=asc} and {@code per_page} (at most 100), moving
 * {@code updated_since} forward page after page ({@link FreshdeskCheckpoint}); one ticket comes
 * from {@code /api/v2/tickets/{id}}; the connection test reads {@code /api/v2/agents/me}. The API
 * key is the user of basic auth, {@code X} its password, sent in the Authorization header only.
 */
@Component
class FreshdeskConnector extends HttpSourceConnector {

    static final String KEY = "freshdesk";
    static final String DEFAULT_BASE_URL = "https://{domain}.freshdesk.com";
    static final int MAX_PER_PAGE = 100;
    /** Freshdesk's ticket statuses; custom ones (6 and up) are named by number. */
    static final Map<Integer, String> STATUSES = Map.of(2, "open", 3, "pending", 4, "resolved", 5, "closed");
    /** Freshdesk's ticket sources (channels). */
    static final Map<Integer, String> SOURCES = Map.of(1, "email", 2, "portal", 3, "phone", 7, "chat", 9,
            "feedback widget", 10, "outbound email");

    private final String baseUrlTemplate;

    FreshdeskConnector(RestClient.Builder http, Environment environment, Clock clock) {
        super("Freshdesk", http, HttpSourceSettings.of(environment, KEY), clock);
        this.baseUrlTemplate = settings().baseUrlOr(DEFAULT_BASE_URL);
    }

    @Override
    public PlatformDescriptor descriptor() {
        return new PlatformDescriptor(KEY, "Freshdesk", "Tickets from Freshdesk (tickets updated since the last import).",
                List.of(new CredentialField("domain", "Domain", false, true, List.of(),
                                "The part before .freshdesk.com, e.g. 'acme' for acme.freshdesk.com"),
                        new CredentialField("apiKey", "API key", true, true, List.of(),
                                "Profile settings › View API key, of an agent who can see the tickets")),
                true, "Ticket ID", EnumSet.allOf(FilterField.class), List.of("open", "pending", "resolved", "closed"),
                Set.of("resolved", "closed"));
    }

    private String domain(SourceCredentials credentials) throws SourceFailure {
        String domain = credentials.get("domain").strip();
        domain = domain.endsWith(".freshdesk.com") ? domain.substring(0, domain.length() - ".freshdesk.com".length()) : domain;
        if (!domain.matches("[A-Za-z0-9][A-Za-z0-9-]{0,62}")) {
            throw SourceFailure.invalidData("'" + domain + "' is not a Freshdesk domain (letters, digits and dashes)", null);
        }
        return domain;
    }

    private String api(SourceCredentials credentials) throws SourceFailure {
        return baseUrlTemplate.replace("{domain}", domain(credentials)) + "/api/v2";
    }

    @Override
    protected void authorize(HttpHeaders headers, SourceCredentials credentials) {
        String user = credentials.get("apiKey").strip() + ":X";
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String testConnection(SourceCredentials credentials) throws SourceFailure {
        JsonNode contact = get(credentials, api(credentials) + "/agents/me").path("contact");
        return "Connected to " + domain(credentials) + ".freshdesk.com as " + contact.path("email").asString("an agent")
                + " (" + contact.path("name").asString("") + ")";
    }

    @Override
    public SourcePage fetchChanges(SourceRequest request) throws SourceFailure {
        FreshdeskCheckpoint at = request.checkpoint() == null ? FreshdeskCheckpoint.from(request.startFrom())
                : FreshdeskCheckpoint.parse(request.checkpoint());
        int perPage = Math.min(MAX_PER_PAGE, Math.max(1, request.pageSize()));
        JsonNode tickets = get(request.credentials(), api(request.credentials()) + "/tickets?updated_since=" + at.updatedSince()
                + "&order_by=updated_at&order_type=asc&per_page=" + perPage + "&page=" + at.page());
        if (!tickets.isArray()) {
            throw SourceFailure.invalidData("Freshdesk answered with something other than a list of tickets", null);
        }
        List<Listed> listed = new ArrayList<>();
        List<SourceRecord> records = new ArrayList<>();
        for (JsonNode ticket : tickets) {
            Listed seen = new Listed(ticket.path("id").isNumber() ? ticket.path("id").asLong() : null,
                    instant(ticket.path("updated_at")));
            listed.add(seen);
            if (!at.alreadyRead(seen)) {
                records.add(toRecord(ticket));
            }
        }
        return SourcePage.of(records, at.after(listed, perPage).format(), listed.size() < perPage);
    }

    @Override
    public Optional<SourceConversation> fetchOne(SourceCredentials credentials, String reference) throws SourceFailure {
        if (!reference.strip().matches("\\d{1,19}")) {
            return Optional.empty();
        }
        Optional<JsonNode> ticket = find(credentials, api(credentials) + "/tickets/" + reference.strip());
        return ticket.isEmpty() ? Optional.empty() : Optional.of(conversationOf(toRecord(ticket.get())));
    }

    /** Maps a ticket; anything unusable becomes a malformed record naming the ticket. */
    static SourceRecord toRecord(JsonNode ticket) {
        if (!ticket.path("id").isNumber()) {
            return SourceRecord.malformed(null, "the ticket has no id");
        }
        String reference = Long.toString(ticket.path("id").asLong());
        Instant created = instant(ticket.path("created_at"));
        Instant updated = instant(ticket.path("updated_at"));
        if (created == null || updated == null) {
            return SourceRecord.malformed(reference, "its created_at/updated_at is not an ISO-8601 timestamp ('"
                    + ticket.path("updated_at").asString("") + "')");
        }
        Set<String> tags = new LinkedHashSet<>();
        ticket.path("tags").forEach(t -> tags.add(t.asString()));
        Map<String, String> custom = new LinkedHashMap<>();
        ticket.path("custom_fields").properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (!value.isNull() && !value.isMissingNode()) {
                custom.put(field.getKey(), value.isArray() ? joined(value) : value.asString());
            }
        });
        JsonNode responder = ticket.path("responder_id");
        return SourceRecord.valid(new SourceConversation(reference, named(ticket.path("source"), SOURCES, "source "),
                responder.isNumber() ? Long.toString(responder.asLong()) : null,
                named(ticket.path("status"), STATUSES, "status "), tags, custom,
                ticket.path("subject").isString() ? ticket.path("subject").asString() : null, created, updated));
    }

    private static @Nullable Instant instant(JsonNode node) {
        try {
            return node.isString() ? Instant.parse(node.asString()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable String named(JsonNode code, Map<Integer, String> names, String prefix) {
        return code.isNumber() ? names.getOrDefault(code.asInt(), prefix + code.asInt()) : null;
    }

    private static String joined(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return String.join(",", values);
    }

    // ---- what Freshdesk's failures say ----

    /** Validation errors name the field: {@code {"description": "Validation failed", "errors": [{"field", "message"}]}}. */
    @Override
    protected String errorDetail(JsonNode body) {
        JsonNode first = body.path("errors").path(0);
        if (first.path("message").isString()) {
            String field = first.path("field").asString("");
            return ": " + body.path("description").asString("Validation failed") + " (" + (field.isBlank() ? "" : field + ": ")
                    + first.path("message").asString() + ")";
        }
        return super.errorDetail(body);
    }

    @Override
    protected String authenticationFailedMessage(String detail) {
        return "Freshdesk rejected the API key (HTTP 401" + detail + "). Reconnect with a valid API key.";
    }

    @Override
    protected String permissionDeniedMessage(String detail) {
        return "Freshdesk denied access (HTTP 403" + detail + "): the API key's agent needs permission to view the tickets.";
    }

    @Override
    protected String rateLimitDetail(HttpHeaders headers) {
        String total = headers.getFirst("X-RateLimit-Total");
        return total == null ? "" : ", limit " + total + " calls per window";
    }

    @Override
    protected SourceFailure notFound(String address, String detail) {
        return SourceFailure.invalidData("Freshdesk answered 404 for " + address + ": check the domain.", null);
    }
}
