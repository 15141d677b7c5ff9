package io.syncwatch.imports.adapter.out.source.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Clock;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * The Zendesk connector against a loopback WireMock server answering exactly as Zendesk's API
 * reference documents: cursor-based incremental export pages, single tickets, users/me, errors.
 */
class ZendeskConnectorContractTest {

    static final String EXPORT = "/zd/acme/api/v2/incremental/tickets/cursor.json";
    static final SourceCredentials CREDENTIALS = new SourceCredentials(
            Map.of("subdomain", "acme", "email", "agent@acme.test", "apiToken", "zd-token-123"));
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    WireMockServer zendesk;
    ZendeskConnector connector;

    @BeforeEach
    void start() {
        zendesk = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        zendesk.start();
        connector = connectorFor("http://127.0.0.1:" + zendesk.port() + "/zd/{subdomain}");
    }

    static ZendeskConnector connectorFor(String base) {
        return connectorFor(base, Duration.ofSeconds(3));
    }

    static ZendeskConnector connectorFor(String base, Duration readTimeout) {
        return new ZendeskConnector(RestClient.builder(), new MockEnvironment()
                .withProperty("syncwatch.connectors.zendesk.base-url", base)
                .withProperty("syncwatch.connectors.zendesk.connect-timeout", "2s")
                .withProperty("syncwatch.connectors.zendesk.read-timeout", readTimeout.toMillis() + "ms")
                .withProperty("syncwatch.connectors.zendesk.attempts", "2")
                .withProperty("syncwatch.connectors.zendesk.backoff", "10ms"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        zendesk.stop();
    }

    static String ticket(long id, String status, String updatedAt) {
        return """
                {"id": %d, "url": "https://acme.zendesk.com/api/v2/tickets/%d.json", "subject": "Printer on fire",
                 "status": "%s", "assignee_id": 235323, "requester_id": 20978392, "tags": ["enterprise", "vip"],
                 "via": {"channel": "email", "source": {"from": {}, "to": {}, "rel": null}},
                 "custom_fields": [{"id": 27642, "value": "745"}, {"id": 27648, "value": null}],
                 "created_at": "2025-12-30T10:00:00Z", "updated_at": "%s", "generated_timestamp": 1767261600}
                """.formatted(id, id, status, updatedAt);
    }

    static String page(List<String> tickets, String afterCursor, boolean end) {
        return """
                {"tickets": [%s], "after_url": "https://acme.zendesk.com/api/v2/incremental/tickets/cursor.json?cursor=%s",
                 "after_cursor": "%s", "before_url": null, "before_cursor": null, "end_of_stream": %s}
                """.formatted(String.join(",", tickets), afterCursor, afterCursor, end);
    }

    SourcePage fetch(String checkpoint) throws SourceFailure {
        return connector.fetchChanges(new SourceRequest(IntegrationId.of(1), CREDENTIALS, checkpoint, START, 100));
    }

    static List<String> references(SourcePage page) {
        List<String> refs = new ArrayList<>();
        page.records().forEach(r -> refs.add(r instanceof SourceRecord.Valid v ? v.conversation().reference() : "malformed"));
        return refs;
    }

    @Test
    void exportsPageByPageFromTheStartTimeThenTheCursorUntilEndOfStream() throws Exception {
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("start_time", equalTo("1767225600"))
                .withHeader("Authorization", equalTo("Basic YWdlbnRAYWNtZS50ZXN0L3Rva2VuOnpkLXRva2VuLTEyMw=="))
                .willReturn(okJson(page(List.of(ticket(1, "solved", "2026-01-02T10:00:00Z"),
                        ticket(2, "open", "2026-01-02T11:00:00Z")), "MTU3NjYxMzUzOS4wfHw0Njd8", false))));
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("MTU3NjYxMzUzOS4wfHw0Njd8"))
                .willReturn(okJson(page(List.of(ticket(3, "closed", "2026-01-03T09:00:00Z")), "MTU3NjYxMzUzOS4wfHw0Njh8", true))));

        SourcePage first = fetch(null);
        assertThat(references(first)).containsExactly("1", "2");
        assertThat(first.endOfStream()).isFalse();
        assertThat(first.nextCheckpoint()).isEqualTo("MTU3NjYxMzUzOS4wfHw0Njd8");

        SourcePage second = fetch(first.nextCheckpoint());
        assertThat(references(second)).containsExactly("3");
        assertThat(second.endOfStream()).isTrue();
        assertThat(second.nextCheckpoint()).as("kept for the next run").isEqualTo("MTU3NjYxMzUzOS4wfHw0Njh8");

        SourceConversation c = ((SourceRecord.Valid) first.records().getFirst()).conversation();
        assertThat(c.channel()).isEqualTo("email");
        assertThat(c.agent()).isEqualTo("235323");
        assertThat(c.status()).isEqualTo("solved");
        assertThat(c.tags()).containsExactlyInAnyOrder("enterprise", "vip");
        assertThat(c.customFields()).containsExactly(Map.entry("27642", "745"));
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2025-12-30T10:00:00Z"));
        assertThat(c.updatedAt()).isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
    }

    @Test
    void anEmptyWindowEndsTheStreamAndKeepsTheCursor() throws Exception {
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("abc"))
                .willReturn(okJson(page(List.of(), "abd", true))));
        SourcePage page = fetch("abc");
        assertThat(page.records()).isEmpty();
        assertThat(page.endOfStream()).isTrue();
        assertThat(page.nextCheckpoint()).isEqualTo("abd");
    }

    @Test
    void aTicketUpdatedAtTheSourceComesAgainWithItsNewUpdateTime() throws Exception {
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c1"))
                .willReturn(okJson(page(List.of(ticket(1, "closed", "2026-01-05T08:00:00Z")), "c2", true))));
        SourceConversation again = ((SourceRecord.Valid) fetch("c1").records().getFirst()).conversation();
        assertThat(again.reference()).isEqualTo("1");
        assertThat(again.status()).isEqualTo("closed");
        assertThat(again.updatedAt()).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
    }

    @Test
    void aMalformedTicketIsSkippedWithAWarningThatNamesIt() throws Exception {
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c1"))
                .willReturn(okJson(page(List.of(ticket(7, "solved", "yesterday"), "{\"subject\": \"no id\"}",
                        ticket(8, "solved", "2026-01-05T08:00:00Z")), "c2", true))));
        SourcePage page = fetch("c1");
        assertThat(references(page)).containsExactly("malformed", "malformed", "8");
        assertThat(((SourceRecord.Malformed) page.records().getFirst()).describe())
                .isEqualTo("Record '7' was skipped: its created_at/updated_at is not an ISO-8601 timestamp ('yesterday')");
        assertThat(((SourceRecord.Malformed) page.records().get(1)).describe())
                .isEqualTo("A record without a reference was skipped: the ticket has no id");
    }

    @Test
    void answersThatCannotBeUsedAsAWholeAreInvalidDataAndNotRetried() {
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("html"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Down for maintenance</body></html>")));
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("gone"))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\": \"InvalidEndpoint\"}")));
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("bad-cursor"))
                .willReturn(aResponse().withStatus(422).withBody("{\"error\": \"InvalidCursor\"}")));

        assertThatThrownBy(() -> fetch("html")).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).isEqualTo("Zendesk answered with a body that is not JSON");
        });
        assertThatThrownBy(() -> fetch("gone")).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).isEqualTo("Zendesk answered 404 for http://127.0.0.1:" + zendesk.port() + EXPORT
                    + ": check the subdomain.").doesNotContain("cursor=");
        });
        assertThatThrownBy(() -> fetch("bad-cursor")).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).isEqualTo("Zendesk refused the request (HTTP 422: InvalidCursor).");
        });
        for (String cursor : List.of("html", "gone", "bad-cursor")) {
            zendesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo(cursor)));
        }
    }

    @Test
    void aSingleTicketThatCannotBeMappedIsInvalidDataNamingIt() {
        zendesk.stubFor(get(urlPathEqualTo("/zd/acme/api/v2/tickets/35436.json"))
                .willReturn(okJson("{\"ticket\": " + ticket(35436, "closed", "yesterday") + "}")));

        assertThatThrownBy(() -> connector.fetchOne(CREDENTIALS, "35436")).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).isEqualTo(
                    "Record '35436' was skipped: its created_at/updated_at is not an ISO-8601 timestamp ('yesterday')");
        });
    }

    @Test
    void aRateLimitInTheMiddleOfARunKeepsTheCheckpointAndTheNextRunResumesThere() throws Exception {
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("start_time", equalTo("1767225600"))
                .willReturn(okJson(page(List.of(ticket(1, "solved", "2026-01-02T10:00:00Z")), "c1", false))));
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c1"))
                .inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "93")
                        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"TooManyRequests\"}"))
                .willSetStateTo("cooled down"));
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c1"))
                .inScenario("rate").whenScenarioStateIs("cooled down")
                .willReturn(okJson(page(List.of(ticket(2, "solved", "2026-01-02T12:00:00Z")), "c2", true))));

        SourcePage first = fetch(null);
        assertThatThrownBy(() -> fetch(first.nextCheckpoint())).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.RATE_LIMITED);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(93));
        });
        SourcePage resumed = fetch(first.nextCheckpoint());
        assertThat(references(first)).containsExactly("1");
        assertThat(references(resumed)).as("no gap, no duplicate").containsExactly("2");
    }

    @Test
    void httpErrorsAreClassified() {
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("unauth"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"Couldn't authenticate you\"}")));
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("forbidden"))
                .willReturn(aResponse().withStatus(403).withBody("{\"error\": \"Forbidden\", \"description\": \"You do not have access\"}")));
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("down"))
                .willReturn(aResponse().withStatus(503)));
        zendesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("slow"))
                .willReturn(okJson(page(List.of(), "x", true)).withFixedDelay(5000)));

        assertThatThrownBy(() -> fetch("unauth")).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED);
            assertThat(f.getMessage()).contains("HTTP 401: Couldn't authenticate you").doesNotContain("zd-token-123");
        });
        assertThatThrownBy(() -> fetch("forbidden")).isInstanceOfSatisfying(SourceFailure.class,
                f -> assertThat(f.category()).isEqualTo(FailureCategory.PERMISSION_DENIED));
        assertThatThrownBy(() -> fetch("down")).isInstanceOfSatisfying(SourceFailure.class,
                f -> assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE));
        zendesk.verify(2, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("down")));
        zendesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("unauth")));
        assertThatThrownBy(() -> fetch("slow")).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
            assertThat(f.getMessage()).contains("did not answer in time");
        });
    }

    @Test
    void aBodyTricklingInPastTheReadTimeoutIsReportedAsNotAnsweringInTime() {
        ZendeskConnector impatient = connectorFor("http://127.0.0.1:" + zendesk.port() + "/zd/{subdomain}",
                Duration.ofMillis(1500));
        // the status and headers come at once, the body in 100 chunks over 4 s: the read timeout
        // cuts it off while it is being read, which the HTTP client reports as a cancelled
        // subscription (an IOException), not as a timeout
        zendesk.stubFor(get(urlPathEqualTo(EXPORT))
                .willReturn(okJson(page(List.of(ticket(1, "open", "2026-01-01T10:00:00Z")), "c1", true))
                        .withChunkedDribbleDelay(100, 4000)));

        assertThatThrownBy(() -> impatient.fetchChanges(new SourceRequest(IntegrationId.of(1), CREDENTIALS, null, START, 100)))
                .isInstanceOfSatisfying(SourceFailure.class, f -> {
                    assertThat(f.getCause()).as("the headers came in time: the body was cut off")
                            .isNotInstanceOf(HttpTimeoutException.class);
                    assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
                    assertThat(f.getMessage()).startsWith("Zendesk did not answer in time (").endsWith(EXPORT + ").");
                    assertThat(f.transientFailure()).as("retried like any timeout").isTrue();
                });
        zendesk.verify(2, getRequestedFor(urlPathEqualTo(EXPORT)));
    }

    @Test
    void aRefusedConnectionIsSourceUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ZendeskConnector nowhere = connectorFor("http://127.0.0.1:" + closedPort + "/{subdomain}");
        assertThatThrownBy(() -> nowhere.testConnection(CREDENTIALS)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
            assertThat(f.getMessage()).contains("refused the connection");
        });
    }

    @Test
    void oneTicketByIdOrNothingWhenZendeskDoesNotKnowIt() throws Exception {
        zendesk.stubFor(get(urlPathEqualTo("/zd/acme/api/v2/tickets/35436.json"))
                .willReturn(okJson("{\"ticket\": " + ticket(35436, "closed", "2026-01-02T10:00:00Z") + "}")));
        zendesk.stubFor(get(urlPathEqualTo("/zd/acme/api/v2/tickets/404.json")).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\": \"RecordNotFound\", \"description\": \"Not found\"}")));

        assertThat(connector.fetchOne(CREDENTIALS, "35436")).get().extracting(SourceConversation::status).isEqualTo("closed");
        assertThat(connector.fetchOne(CREDENTIALS, "404")).isEmpty();
        assertThat(connector.fetchOne(CREDENTIALS, "not-a-number")).isEmpty();
    }

    @Test
    void theConnectionTestNeedsARealUser() throws Exception {
        zendesk.stubFor(get(urlPathEqualTo("/zd/acme/api/v2/users/me.json")).willReturn(okJson(
                "{\"user\": {\"id\": 35436, \"email\": \"agent@acme.test\", \"role\": \"admin\"}}")));
        assertThat(connector.testConnection(CREDENTIALS)).isEqualTo("Connected to acme.zendesk.com as agent@acme.test (admin)");

        zendesk.stubFor(get(urlPathEqualTo("/zd/acme/api/v2/users/me.json")).willReturn(okJson(
                "{\"user\": {\"id\": null, \"name\": \"Anonymous user\", \"role\": \"end-user\"}}")));
        assertThatThrownBy(() -> connector.testConnection(CREDENTIALS)).isInstanceOfSatisfying(SourceFailure.class,
                f -> assertThat(f.category()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED));
        assertThatThrownBy(() -> connector.testConnection(new SourceCredentials(Map.of("subdomain", "acme.evil.com/x"))))
                .isInstanceOfSatisfying(SourceFailure.class, f -> assertThat(f.getMessage()).contains("is not a Zendesk subdomain"));
    }
}
