package io.syncwatch.imports.adapter.out.source.intercom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Clock;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.application.port.out.SourceRequest;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.SourceCredentials;

/** The Intercom connector against a loopback WireMock server shaped like Intercom's API 2.11. */
class IntercomConnectorContractTest {

    static final SourceCredentials CREDENTIALS = new SourceCredentials(Map.of("accessToken", "ic-token-9", "region", "EU"));
    static final Instant START = Instant.ofEpochSecond(1767225600);

    WireMockServer intercom;
    IntercomConnector connector;

    @BeforeEach
    void start() {
        intercom = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        intercom.start();
        connector = connectorAt("http://127.0.0.1:" + intercom.port(), Duration.ofSeconds(3));
    }

    static IntercomConnector connectorAt(String baseUrl, Duration readTimeout) {
        return new IntercomConnector(RestClient.builder(), new MockEnvironment()
                .withProperty("syncwatch.connectors.intercom.base-url", baseUrl)
                .withProperty("syncwatch.connectors.intercom.connect-timeout", "2s")
                .withProperty("syncwatch.connectors.intercom.read-timeout", readTimeout.toMillis() + "ms")
                .withProperty("syncwatch.connectors.intercom.attempts", "2")
                .withProperty("syncwatch.connectors.intercom.backoff", "10ms"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        intercom.stop();
    }

    static String conversation(String id, long updatedAt, String state) {
        return """
                {"type": "conversation", "id": "%s", "title": "Order question", "created_at": 1767200000,
                 "updated_at": %d, "state": "%s", "open": false, "admin_assignee_id": 814860,
                 "source": {"type": "email", "id": "403918316", "delivered_as": "customer_initiated", "subject": "Hi"},
                 "tags": {"type": "tag.list", "tags": [{"type": "tag", "id": "123", "name": "billing"}]},
                 "custom_attributes": {"Region": "EU", "Tier": null}}
                """.formatted(id, updatedAt, state);
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

    @Test
    void searchesUpdatedConversationsInOrderPageByPageAndMovesTheWatermark() throws Exception {
        intercom.stubFor(post(urlPathEqualTo("/conversations/search"))
                .withHeader("Authorization", equalTo("Bearer ic-token-9")).withHeader("Intercom-Version", equalTo("2.11"))
                .withRequestBody(equalToJson("""
                        {"query": {"field": "updated_at", "operator": ">", "value": 1767225599},
                         "sort": {"field": "updated_at", "order": "ascending"}, "pagination": {"per_page": 2}}"""))
                .willReturn(okJson(results(List.of(conversation("1", 1767230000, "closed"),
                        conversation("2", 1767230100, "open")), "WzE3NjcyMzAxMDAwMDAsMl0="))));
        intercom.stubFor(post(urlPathEqualTo("/conversations/search"))
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
    void aRateLimitKeepsThePageCursorSoTheNextRunResumesThere() throws Exception {
        intercom.stubFor(post(urlPathEqualTo("/conversations/search"))
                .withRequestBody(matchingJsonPath("$.pagination.starting_after", equalTo("cur2")))
                .inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("X-RateLimit-Limit", "1000")
                        .withHeader("X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + 10))
                        .withBody("{\"type\": \"error.list\", \"errors\": [{\"code\": \"rate_limit_exceeded\", \"message\": \"Exceeded rate limit\"}]}"))
                .willSetStateTo("ok"));
        intercom.stubFor(post(urlPathEqualTo("/conversations/search"))
                .withRequestBody(matchingJsonPath("$.pagination.starting_after", equalTo("cur2")))
                .inScenario("rate").whenScenarioStateIs("ok")
                .willReturn(okJson(results(List.of(conversation("3", 1767230200, "closed")), null))));

        String kept = "1767225599;cur2;1767230100";
        assertThatThrownBy(() -> fetch(kept)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.RATE_LIMITED);
            assertThat(f.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(11));
        });
        SourcePage resumed = fetch(kept);
        assertThat(resumed.records()).singleElement()
                .satisfies(r -> assertThat(((SourceRecord.Valid) r).conversation().reference()).isEqualTo("3"));
    }

    @Test
    void errorsAreClassifiedAndOnlyTransientOnesRetried() {
        intercom.stubFor(get(urlPathEqualTo("/me")).willReturn(aResponse().withStatus(401)
                .withBody("{\"type\": \"error.list\", \"errors\": [{\"code\": \"unauthorized\", \"message\": \"Access Token Invalid\"}]}")));
        assertThatThrownBy(() -> connector.testConnection(CREDENTIALS)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED);
            assertThat(f.getMessage()).contains("Access Token Invalid").doesNotContain("ic-token-9");
        });
        intercom.stubFor(post(urlPathEqualTo("/conversations/search")).willReturn(aResponse().withStatus(403)));
        assertThatThrownBy(() -> fetch(null)).isInstanceOfSatisfying(SourceFailure.class,
                f -> assertThat(f.category()).isEqualTo(FailureCategory.PERMISSION_DENIED));
        intercom.resetAll();
        intercom.stubFor(post(urlPathEqualTo("/conversations/search")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> fetch(null)).isInstanceOfSatisfying(SourceFailure.class,
                f -> assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE));
        intercom.verify(2, postRequestedFor(urlPathEqualTo("/conversations/search")));
    }

    @Test
    void aMalformedConversationIsNamedAndOneConversationCanBeFetched() throws Exception {
        intercom.stubFor(post(urlPathEqualTo("/conversations/search")).willReturn(okJson(results(List.of(
                "{\"type\": \"conversation\", \"id\": \"77\", \"created_at\": 1767200000, \"updated_at\": \"soon\"}",
                conversation("78", 1767230000, "closed")), null))));
        SourcePage page = fetch(null);
        assertThat(((SourceRecord.Malformed) page.records().getFirst()).describe())
                .isEqualTo("Record '77' was skipped: its created_at/updated_at is not a Unix timestamp ('soon')");

        intercom.stubFor(get(urlPathEqualTo("/conversations/78")).willReturn(okJson(conversation("78", 1767230000, "closed"))));
        intercom.stubFor(get(urlPathEqualTo("/conversations/79")).willReturn(aResponse().withStatus(404)
                .withBody("{\"type\": \"error.list\", \"errors\": [{\"code\": \"not_found\", \"message\": \"Resource Not Found\"}]}")));
        assertThat(connector.fetchOne(CREDENTIALS, "78")).get().extracting(SourceConversation::reference).isEqualTo("78");
        assertThat(connector.fetchOne(CREDENTIALS, "79")).isEmpty();
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
    void anEmptyWindowImportsNothingEndsTheStreamAndKeepsTheWatermark() throws Exception {
        intercom.stubFor(post(urlPathEqualTo("/conversations/search"))
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
        intercom.stubFor(post(urlPathEqualTo("/conversations/search"))
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
    void aSlowIntercomIsSourceUnreachableAfterARetry() {
        IntercomConnector impatient = connectorAt("http://127.0.0.1:" + intercom.port(), Duration.ofMillis(500));
        intercom.stubFor(post(urlPathEqualTo("/conversations/search"))
                .willReturn(okJson(results(List.of(conversation("1", 1767230000, "closed")), null)).withFixedDelay(3000)));

        assertThatThrownBy(() -> impatient.fetchChanges(new SourceRequest(IntegrationId.of(1), CREDENTIALS, null, START, 2)))
                .isInstanceOfSatisfying(SourceFailure.class, f -> {
                    assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
                    assertThat(f.getMessage()).isEqualTo("Intercom did not answer in time.");
                });
        intercom.verify(2, postRequestedFor(urlPathEqualTo("/conversations/search")));
    }

    @Test
    void aBodyTricklingInPastTheReadTimeoutIsReportedAsNotAnsweringInTime() {
        IntercomConnector impatient = connectorAt("http://127.0.0.1:" + intercom.port(), Duration.ofMillis(1500));
        // the status and headers come at once, the body in 100 chunks over 4 s: the read timeout
        // cuts it off while it is being read, which the HTTP client reports as a cancelled
        // subscription (an IOException), not as a timeout
        intercom.stubFor(post(urlPathEqualTo("/conversations/search"))
                .willReturn(okJson(results(List.of(conversation("1", 1767230000, "closed")), null))
                        .withChunkedDribbleDelay(100, 4000)));

        assertThatThrownBy(() -> impatient.fetchChanges(new SourceRequest(IntegrationId.of(1), CREDENTIALS, null, START, 2)))
                .isInstanceOfSatisfying(SourceFailure.class, f -> {
                    assertThat(f.getCause()).as("the headers came in time: the body was cut off")
                            .isNotInstanceOf(HttpTimeoutException.class);
                    assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
                    assertThat(f.getMessage()).isEqualTo("Intercom did not answer in time.");
                    assertThat(f.transientFailure()).as("retried like any timeout").isTrue();
                });
        intercom.verify(2, postRequestedFor(urlPathEqualTo("/conversations/search")));
    }

    @Test
    void aRefusedConnectionIsSourceUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        IntercomConnector nowhere = connectorAt("http://127.0.0.1:" + closedPort, Duration.ofSeconds(3));
        assertThatThrownBy(() -> nowhere.testConnection(CREDENTIALS)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
            assertThat(f.getMessage()).isEqualTo("Intercom refused the connection.");
        });
        assertThatThrownBy(() -> nowhere.fetchChanges(new SourceRequest(IntegrationId.of(1), CREDENTIALS, null, START, 2)))
                .isInstanceOfSatisfying(SourceFailure.class,
                        f -> assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE));
    }

    @Test
    void aConversationUpdatedAtTheSourceComesAgainWithItsNewStateAndUpdateTime() throws Exception {
        // Imported earlier as open, updated 1767230000; the last run ended with that watermark.
        intercom.stubFor(post(urlPathEqualTo("/conversations/search"))
                .withRequestBody(matchingJsonPath("$.query.value", equalTo("1767229999")))
                .willReturn(okJson(results(List.of(conversation("1", 1767240000, "closed")), null))));
        intercom.stubFor(get(urlPathEqualTo("/conversations/1")).willReturn(okJson(conversation("1", 1767240000, "closed"))));

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
        intercom.stubFor(get(urlPathEqualTo("/me")).withHeader("Authorization", equalTo("Bearer ic-token-9"))
                .withHeader("Intercom-Version", equalTo("2.11"))
                .willReturn(okJson(me("admin@acme.test", "Acme Support"))));
        assertThat(connector.testConnection(CREDENTIALS))
                .isEqualTo("Connected to Intercom workspace 'Acme Support' as admin@acme.test");

        SourceCredentials revoked = new SourceCredentials(Map.of("accessToken", "revoked-1", "region", "EU"));
        intercom.stubFor(get(urlPathEqualTo("/me")).withHeader("Authorization", equalTo("Bearer revoked-1"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(ERROR_401)));
        assertThatThrownBy(() -> connector.testConnection(revoked)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED);
            assertThat(f.getMessage()).isEqualTo(
                    "Intercom rejected the access token (HTTP 401: Access Token Invalid). Reconnect with a valid token.");
        });
        intercom.verify(1, getRequestedFor(urlPathEqualTo("/me")).withHeader("Authorization", equalTo("Bearer revoked-1")));
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
        intercom.stubFor(get(urlPathEqualTo("/me")).willReturn(okJson(me("admin@acme.test", "Acme US"))));
        assertThat(connector.testConnection(new SourceCredentials(Map.of("accessToken", "ic-token-9"))))
                .contains("'Acme US'");
    }
}
