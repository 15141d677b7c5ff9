package io.syncwatch.imports.adapter.out.source.intercom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.application.port.out.SourcePlatformConnector;
import io.syncwatch.imports.application.port.out.SourceRequest;
import io.syncwatch.imports.connector.ConnectorContractTest;
import io.syncwatch.imports.connector.SimulatedSource;
import io.syncwatch.imports.connector.SimulatedSource.Conversation;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.SourceCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Intercom connector passes the connector contract against a simulated Intercom shaped like
 * its API 2.11 (conversations search on updated_at with starting_after, one conversation, /me,
 * error lists), and these Intercom specifics: literal search bodies and headers, the mapping of a
 * conversation, the watermark in the checkpoint, regions.
 */
class IntercomConnectorContractTest extends ConnectorContractTest {

    static final SourceCredentials CREDENTIALS = new SourceCredentials(Map.of("accessToken", "ic-token-9", "region", "EU"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    // ---- the platform, for the contract ----

    @Override
    protected String platformKey() {
        return IntercomConnector.KEY;
    }

    @Override
    protected String baseUrl(String serverUrl) {
        return serverUrl;
    }

    @Override
    protected SourcePlatformConnector connector(RestClient.Builder http, Environment environment, Clock clock) {
        return new IntercomConnector(http, environment, clock);
    }

    @Override
    protected SourceCredentials credentials() {
        return CREDENTIALS;
    }

    @Override
    protected String secret() {
        return "ic-token-9";
    }

    static String position(Conversation c) {
        return Base64.getEncoder().encodeToString((c.updatedAt() + "|" + c.id()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected ResponseDefinitionBuilder answer(Request request, SimulatedSource source) {
        String path = URI.create(request.getUrl()).getPath();
        if (path.equals("/me")) {
            return okJson(me("admin@acme.test", "Acme Support"));
        }
        if (path.equals("/conversations/search")) {
            JsonNode search = JSON.readTree(request.getBodyAsString());
            long watermark = search.path("query").path("value").asLong();
            int perPage = search.path("pagination").path("per_page").asInt();
            List<Conversation> matching = source.after(Instant.ofEpochSecond(watermark), Long.MAX_VALUE);
            JsonNode startingAfter = search.path("pagination").path("starting_after");
            if (startingAfter.isString()) {
                String[] at = new String(Base64.getDecoder().decode(startingAfter.asString()), StandardCharsets.UTF_8).split("\\|");
                matching = source.after(Instant.parse(at[0]), Long.parseLong(at[1])).stream().filter(matching::contains).toList();
            }
            List<Conversation> page = matching.subList(0, Math.min(perPage, matching.size()));
            return okJson(results(page.stream().map(IntercomConnectorContractTest::conversation).toList(),
                    matching.size() > perPage ? position(page.getLast()) : null));
        }
        if (path.startsWith("/conversations/")) {
            return source.find(path.substring("/conversations/".length())).map(c -> okJson(conversation(c)))
                    .orElse(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(
                            "{\"type\": \"error.list\", \"errors\": [{\"code\": \"not_found\", \"message\": \"Resource Not Found\"}]}"));
        }
        return aResponse().withStatus(404).withBody("{\"type\": \"error.list\", \"errors\": [{\"code\": \"not_found\"}]}");
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited(Duration wait) {
        return aResponse().withStatus(429).withHeader("X-RateLimit-Limit", "1000")
                .withHeader("X-RateLimit-Reset", Long.toString(NOW.plus(wait).getEpochSecond()))
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"type\": \"error.list\", \"errors\": [{\"code\": \"rate_limit_exceeded\", \"message\": \"Exceeded rate limit\"}]}");
    }

    @Override
    protected ResponseDefinitionBuilder error(int status, String text) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(
                "{\"type\": \"error.list\", \"request_id\": \"000on1ch2l2ke5e4kmo0\", \"errors\": [{\"code\": \"x\", \"message\": \""
                        + text + "\"}]}");
    }

    @Override
    protected String expectedMessage(Expected failure, String errorText, String serverUrl) {
        return switch (failure) {
            case AUTHENTICATION_FAILED -> "Intercom rejected the access token (HTTP 401: " + errorText
                    + "). Reconnect with a valid token.";
            case PERMISSION_DENIED -> "Intercom denied access (HTTP 403: " + errorText
                    + "): the app needs the 'Read conversations' permission.";
            case RATE_LIMITED -> "Intercom's rate limit was reached (HTTP 429, limit 1000 requests per window).";
            case SERVER_ERROR -> "Intercom answered HTTP 503: " + errorText + ".";
            case NO_ANSWER_IN_TIME -> "Intercom did not answer in time.";
            case CONNECTION_REFUSED -> "Intercom refused the connection.";
        };
    }

    @Override
    protected String expectedConnectionMessage() {
        return "Connected to Intercom workspace 'Acme Support' as admin@acme.test";
    }

    static String conversation(Conversation c) {
        return conversation(c.reference(), c.createdAt().getEpochSecond(),
                c.malformed() ? "\"soon\"" : Long.toString(c.updatedAt().getEpochSecond()), c.status());
    }

    // ---- Intercom specifics ----

    static String conversation(String id, long updatedAt, String state) {
        return conversation(id, 1767200000, Long.toString(updatedAt), state);
    }

    static String conversation(String id, long createdAt, String updatedAt, String state) {
        return """
                {"type": "conversation", "id": "%s", "title": "Order question", "created_at": %d,
                 "updated_at": %s, "state": "%s", "open": false, "admin_assignee_id": 814860,
                 "source": {"type": "email", "id": "403918316", "delivered_as": "customer_initiated", "subject": "Hi"},
                 "tags": {"type": "tag.list", "tags": [{"type": "tag", "id": "123", "name": "billing"}]},
                 "custom_attributes": {"Region": "EU", "Tier": null}}
                """.formatted(id, createdAt, updatedAt, state);
    }

    static String results(List<String> conversations, String startingAfter) {
        String next = startingAfter == null ? "" : ", \"next\": {\"page\": 2, \"starting_after\": \"" + startingAfter + "\"}";
        return """
                {"type": "conversation.list", "conversations": [%s], "total_count": 3,
                 "pages": {"type": "pages", "page": 1, "per_page": 2, "total_pages": 2%s}}
                """.formatted(String.join(",", conversations), next);
    }

    SourcePage fetch(String checkpoint) throws SourceFailure {
        return connector.fetchChanges(new SourceRequest(IntegrationId.of(1), CREDENTIALS, checkpoint, START, 2));
    }

    static final String ERROR_401 = """
            {"type": "error.list", "request_id": "000on1ch2l2ke5e4kmo0", "errors": [{"code": "unauthorized", "message": "Access Token Invalid"}]}""";

    static String me(String email, String workspace) {
        return """
                {"type": "admin", "id": "991267460", "email": "%s", "email_verified": true, "name": "Ciaran Lee",
                 "app": {"type": "app", "id_code": "this_is_an_id1_that_should_be_at_least_40", "name": "%s",
                         "created_at": 1717021998, "secure": false, "identity_verification": false,
                         "timezone": "America/Los_Angeles", "region": "EU"},
                 "avatar": {"type": "avatar", "image_url": "https://static.intercomassets.com/assets/default-avatars/admins/128.png"},
                 "has_inbox_seat": true}
                """.formatted(email, workspace);
    }

    @Test
    void searchesUpdatedConversationsInOrderPageByPageAndMovesTheWatermark() throws Exception {
        server.stubFor(post(urlPathEqualTo("/conversations/search"))
                .withHeader("Authorization", equalTo("Bearer ic-token-9")).withHeader("Intercom-Version", equalTo("2.11"))
                .withRequestBody(equalToJson("""
                        {"query": {"field": "updated_at", "operator": ">", "value": 1767225599},
                         "sort": {"field": "updated_at", "order": "ascending"}, "pagination": {"per_page": 2}}"""))
                .willReturn(okJson(results(List.of(conversation("1", 1767230000, "closed"),
                        conversation("2", 1767230100, "open")), "WzE3NjcyMzAxMDAwMDAsMl0="))));
        server.stubFor(post(urlPathEqualTo("/conversations/search"))
                .withRequestBody(matchingJsonPath("$.pagination.starting_after", equalTo("WzE3NjcyMzAxMDAwMDAsMl0=")))
                .willReturn(okJson(results(List.of(conversation("3", 1767230200, "closed")), null))));

        SourcePage first = fetch(null);
        assertThat(first.endOfStream()).isFalse();
        SourcePage second = fetch(first.nextCheckpoint());
        assertThat(second.endOfStream()).isTrue();
        assertThat(second.nextCheckpoint()).as("watermark one second before the newest update").isEqualTo("1767230199;;1767230200");

        SourceConversation c = ((SourceRecord.Valid) first.records().getFirst()).conversation();
        assertThat(c.reference()).isEqualTo("1");
        assertThat(c.channel()).isEqualTo("email");
        assertThat(c.agent()).isEqualTo("814860");
        assertThat(c.status()).isEqualTo("closed");
        assertThat(c.tags()).containsExactly("billing");
        assertThat(c.customFields()).containsExactly(Map.entry("Region", "EU"));
        assertThat(c.updatedAt()).isEqualTo(Instant.ofEpochSecond(1767230000));
    }

    @Test
    void aMalformedConversationIsNamedAndOneConversationCanBeFetched() throws Exception {
        server.stubFor(post(urlPathEqualTo("/conversations/search")).willReturn(okJson(results(List.of(
                "{\"type\": \"conversation\", \"id\": \"77\", \"created_at\": 1767200000, \"updated_at\": \"soon\"}",
                conversation("78", 1767230000, "closed")), null))));
        SourcePage page = fetch(null);
        assertThat(((SourceRecord.Malformed) page.records().getFirst()).describe())
                .isEqualTo("Record '77' was skipped: its created_at/updated_at is not a Unix timestamp ('soon')");

        server.stubFor(get(urlPathEqualTo("/conversations/78")).willReturn(okJson(conversation("78", 1767230000, "closed"))));
        server.stubFor(get(urlPathEqualTo("/conversations/79")).willReturn(aResponse().withStatus(404)
                .withBody("{\"type\": \"error.list\", \"errors\": [{\"code\": \"not_found\", \"message\": \"Resource Not Found\"}]}")));
        assertThat(connector.fetchOne(CREDENTIALS, "78")).get().extracting(SourceConversation::reference).isEqualTo("78");
        assertThat(connector.fetchOne(CREDENTIALS, "79")).isEmpty();
    }

    @Test
    void anEmptyWindowImportsNothingEndsTheStreamAndKeepsTheWatermark() throws Exception {
        server.stubFor(post(urlPathEqualTo("/conversations/search"))
                .withRequestBody(matchingJsonPath("$.query.value", equalTo("1767230199")))
                .willReturn(okJson("""
                        {"type": "conversation.list", "conversations": [], "total_count": 0,
                         "pages": {"type": "pages", "page": 1, "per_page": 2, "total_pages": 0}}""")));

        SourcePage page = fetch("1767230199;;1767230200");
        assertThat(page.records()).isEmpty();
        assertThat(page.endOfStream()).isTrue();
        assertThat(page.nextCheckpoint()).as("nothing newer: the same watermark, so nothing is skipped next run")
                .isEqualTo("1767230199;;1767230200");
    }

    @Test
    void anEmptyFirstWindowStartsTheNextRunFromTheHistoricalStartDate() throws Exception {
        server.stubFor(post(urlPathEqualTo("/conversations/search"))
                .withRequestBody(matchingJsonPath("$.query.value", equalTo("1767225599")))
                .willReturn(okJson("""
                        {"type": "conversation.list", "conversations": [], "total_count": 0,
                         "pages": {"type": "pages", "page": 1, "per_page": 2, "total_pages": 0}}""")));

        SourcePage page = fetch(null);
        assertThat(page.records()).isEmpty();
        assertThat(page.endOfStream()).isTrue();
        assertThat(Long.parseLong(page.nextCheckpoint().split(";")[0]))
                .as("the watermark stays just before the start date: a conversation updated at the start is still imported")
                .isEqualTo(START.getEpochSecond() - 1);
        SourcePage again = fetch(page.nextCheckpoint());
        assertThat(again.records()).isEmpty();
        assertThat(again.nextCheckpoint()).isEqualTo(page.nextCheckpoint());
    }

    @Test
    void aConversationUpdatedAtTheSourceComesAgainWithItsNewStateAndUpdateTime() throws Exception {
        // Imported earlier as open, updated 1767230000; the last run ended with that watermark.
        server.stubFor(post(urlPathEqualTo("/conversations/search"))
                .withRequestBody(matchingJsonPath("$.query.value", equalTo("1767229999")))
                .willReturn(okJson(results(List.of(conversation("1", 1767240000, "closed")), null))));
        server.stubFor(get(urlPathEqualTo("/conversations/1")).willReturn(okJson(conversation("1", 1767240000, "closed"))));

        SourcePage page = fetch("1767229999;;1767230000");
        SourceConversation again = ((SourceRecord.Valid) page.records().getFirst()).conversation();
        assertThat(again.reference()).isEqualTo("1");
        assertThat(again.status()).isEqualTo("closed");
        assertThat(again.updatedAt()).isEqualTo(Instant.ofEpochSecond(1767240000));
        assertThat(again.createdAt()).as("the same conversation, not a new one").isEqualTo(Instant.ofEpochSecond(1767200000));
        assertThat(page.endOfStream()).isTrue();
        assertThat(page.nextCheckpoint()).isEqualTo("1767239999;;1767240000");

        assertThat(connector.fetchOne(CREDENTIALS, "1")).get().satisfies(c -> {
            assertThat(c.status()).isEqualTo("closed");
            assertThat(c.updatedAt()).isEqualTo(Instant.ofEpochSecond(1767240000));
        });
    }

    @Test
    void theConnectionTestNamesTheWorkspaceAndTheAdminAndAnInvalidTokenFailsAuthentication() throws Exception {
        server.stubFor(get(urlPathEqualTo("/me")).withHeader("Authorization", equalTo("Bearer ic-token-9"))
                .withHeader("Intercom-Version", equalTo("2.11"))
                .willReturn(okJson(me("admin@acme.test", "Acme Support"))));
        assertThat(connector.testConnection(CREDENTIALS))
                .isEqualTo("Connected to Intercom workspace 'Acme Support' as admin@acme.test");

        SourceCredentials revoked = new SourceCredentials(Map.of("accessToken", "revoked-1", "region", "EU"));
        server.stubFor(get(urlPathEqualTo("/me")).withHeader("Authorization", equalTo("Bearer revoked-1"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(ERROR_401)));
        assertThatThrownBy(() -> connector.testConnection(revoked)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED);
            assertThat(f.getMessage()).isEqualTo(
                    "Intercom rejected the access token (HTTP 401: Access Token Invalid). Reconnect with a valid token.");
        });
        server.verify(1, getRequestedFor(urlPathEqualTo("/me")).withHeader("Authorization", equalTo("Bearer revoked-1")));
    }

    @Test
    void eachRegionHasItsOwnApiHostAndAnUnknownRegionIsRefusedBeforeAnyRequest() {
        assertThat(IntercomConnector.REGIONS).containsOnly(Map.entry("US", "https://api.intercom.io"),
                Map.entry("EU", "https://api.eu.intercom.io"), Map.entry("AU", "https://api.au.intercom.io"));
        assertThat(connector.descriptor().credentialFields()).filteredOn(f -> f.key().equals("region")).singleElement()
                .satisfies(f -> assertThat(f.options()).containsExactlyInAnyOrderElementsOf(IntercomConnector.REGIONS.keySet()));

        IntercomConnector unconfigured = new IntercomConnector(RestClient.builder(), new MockEnvironment(), Clock.systemUTC());
        assertThatThrownBy(() -> unconfigured.testConnection(
                new SourceCredentials(Map.of("accessToken", "ic-token-9", "region", "APAC"))))
                .isInstanceOfSatisfying(SourceFailure.class, f -> {
                    assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
                    assertThat(f.getMessage()).isEqualTo("Unknown Intercom region 'APAC' (US, EU or AU)");
                });
    }

    @Test
    void anIntegrationSavedWithoutARegionIsNotRefused() throws Exception {
        // A blank region means US (the base-URL override stands in for https://api.intercom.io here).
        server.stubFor(get(urlPathEqualTo("/me")).willReturn(okJson(me("admin@acme.test", "Acme US"))));
        assertThat(connector.testConnection(new SourceCredentials(Map.of("accessToken", "ic-token-9"))))
                .contains("'Acme US'");
    }
}
