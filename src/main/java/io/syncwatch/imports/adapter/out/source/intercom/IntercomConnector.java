package io.syncwatch.imports.adapter.out.source.intercom;

import java.time.Clock;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Intercom. Imports search conversations with {@code updated_at > watermark}, sorted ascending,
 * paged with {@code starting_after}. The checkpoint keeps the watermark, the page cursor and the
 * newest update seen, so a rate limit mid-run resumes on the same page; when a search is
 * exhausted the watermark moves to one second before the newest update (re-reading that second
 * costs a few duplicates, which de-duplication skips, and never leaves a gap).
 */
@Component
class IntercomConnector extends HttpSourceConnector {

    static final String KEY = "intercom";
    static final String API_VERSION = "2.11";
    static final Map<String, String> REGIONS = Map.of("US", "https://api.intercom.io", "EU", "https://api.eu.intercom.io",
            "AU", "https://api.au.intercom.io");

    /** {@code syncwatch.connectors.intercom.base-url}: when set, used instead of the regional URL. */
    private final @Nullable String baseUrlOverride;

    IntercomConnector(RestClient.Builder http, Environment environment, Clock clock) {
        super("Intercom", http, HttpSourceSettings.of(environment, KEY), clock);
        this.baseUrlOverride = settings().baseUrl();
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
        JsonNode me = get(credentials, baseUrl(credentials) + "/me");
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
        ObjectNode body = json().createObjectNode();
        ObjectNode query = body.putObject("query");
        query.put("field", "updated_at").put("operator", ">").put("value", at.watermark());
        body.putObject("sort").put("field", "updated_at").put("order", "ascending");
        ObjectNode pagination = body.putObject("pagination").put("per_page", Math.min(150, Math.max(1, request.pageSize())));
        if (at.startingAfter() != null) {
            pagination.put("starting_after", at.startingAfter());
        }
        JsonNode result = post(request.credentials(), baseUrl(request.credentials()) + "/conversations/search", body);
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
        Optional<JsonNode> found = find(credentials, baseUrl(credentials) + "/conversations/" + reference.strip());
        return found.isEmpty() ? Optional.empty() : Optional.of(conversationOf(toRecord(found.get())));
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

    @Override
    protected void authorize(HttpHeaders headers, SourceCredentials credentials) {
        headers.setBearerAuth(credentials.get("accessToken").strip());
        headers.set("Intercom-Version", API_VERSION);
    }

    @Override
    protected String authenticationFailedMessage(String detail) {
        return "Intercom rejected the access token (HTTP 401" + detail + "). Reconnect with a valid token.";
    }

    @Override
    protected String permissionDeniedMessage(String detail) {
        return "Intercom denied access (HTTP 403" + detail + "): the app needs the 'Read conversations' permission.";
    }

    @Override
    protected String rateLimitDetail(HttpHeaders headers) {
        String limit = headers.getFirst("X-RateLimit-Limit");
        return limit == null ? "" : ", limit " + limit + " requests per window";
    }

    /** Intercom says when its window resets ({@code X-RateLimit-Reset}, Unix time) rather than how long to wait. */
    @Override
    protected @Nullable Duration retryAfter(HttpHeaders headers) {
        String reset = headers.getFirst("X-RateLimit-Reset");
        if (reset == null || reset.isBlank()) {
            return super.retryAfter(headers);
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(reset.strip()) - clock().instant().getEpochSecond()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    protected String unreachableMessage(String what, String address) {
        return "Intercom " + what + ".";
    }
}
