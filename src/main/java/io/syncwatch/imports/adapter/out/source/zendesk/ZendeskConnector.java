package io.syncwatch.imports.adapter.out.source.zendesk;

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
 * Zendesk Support. Imports use the cursor-based incremental ticket export
 * ({@code /api/v2/incremental/tickets/cursor.json}: {@code start_time} on the first run, then the
 * stored {@code after_cursor}, until {@code end_of_stream}); one ticket comes from
 * {@code /api/v2/tickets/{id}.json}; the connection test reads {@code /api/v2/users/me.json},
 * which needs only read access. Credentials travel only in the Authorization header, which is
 * never logged.
 */
@Component
class ZendeskConnector extends HttpSourceConnector {

    static final String KEY = "zendesk";
    static final String DEFAULT_BASE_URL = "https://{subdomain}.zendesk.com";

    private final String baseUrlTemplate;

    ZendeskConnector(RestClient.Builder http, Environment environment, Clock clock) {
        super("Zendesk", http, HttpSourceSettings.of(environment, KEY), clock);
        this.baseUrlTemplate = settings().baseUrlOr(DEFAULT_BASE_URL);
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

    @Override
    protected void authorize(HttpHeaders headers, SourceCredentials credentials) {
        String user = credentials.get("email").strip() + "/token:" + credentials.get("apiToken").strip();
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String testConnection(SourceCredentials credentials) throws SourceFailure {
        JsonNode body = get(credentials, baseUrl(credentials) + "/api/v2/users/me.json");
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
        JsonNode body = get(request.credentials(), url);
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
        Optional<JsonNode> body = find(credentials, baseUrl(credentials) + "/api/v2/tickets/" + reference.strip() + ".json");
        return body.isEmpty() ? Optional.empty() : Optional.of(conversationOf(toRecord(body.get().path("ticket"))));
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

    @Override
    protected String authenticationFailedMessage(String detail) {
        return "Zendesk rejected the email and API token (HTTP 401" + detail + "). Reconnect with a valid API token.";
    }

    @Override
    protected String permissionDeniedMessage(String detail) {
        return "Zendesk denied access (HTTP 403" + detail
                + "): the agent needs permission to read tickets (an admin role for the incremental export).";
    }

    @Override
    protected SourceFailure notFound(String address, String detail) {
        return SourceFailure.invalidData("Zendesk answered 404 for " + address + ": check the subdomain.", null);
    }
}
