package io.syncwatch.imports.adapter.out.source.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
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

/**
 * The Zendesk connector passes the connector contract against a simulated Zendesk answering as
 * its API reference documents (the cursor-based incremental export, single tickets, users/me,
 * errors), and these Zendesk specifics: literal answers, the mapping of a ticket, answers that
 * cannot be used, the anonymous user of a bad connection test.
 */
class ZendeskConnectorContractTest extends ConnectorContractTest {

    static final String EXPORT = "/zd/acme/api/v2/incremental/tickets/cursor.json";
    static final Pattern ONE_TICKET = Pattern.compile("/zd/acme/api/v2/tickets/(\\d+)\\.json");
    static final SourceCredentials CREDENTIALS = new SourceCredentials(
            Map.of("subdomain", "acme", "email", "agent@acme.test", "apiToken", "zd-token-123"));

    // ---- the platform, for the contract ----

    @Override
    protected String platformKey() {
        return ZendeskConnector.KEY;
    }

    @Override
    protected String baseUrl(String serverUrl) {
        return serverUrl + "/zd/{subdomain}";
    }

    @Override
    protected SourcePlatformConnector connector(RestClient.Builder http, Environment environment, Clock clock) {
        return new ZendeskConnector(http, environment, clock);
    }

    @Override
    protected SourceCredentials credentials() {
        return CREDENTIALS;
    }

    @Override
    protected String secret() {
        return "zd-token-123";
    }

    /** A position in the export: after this update time and ticket id (Zendesk's cursor is opaque). */
    record Cursor(Instant updatedAt, long id) {

        /** start_time includes the tickets updated at that second. */
        static Cursor from(long startTime) {
            return new Cursor(Instant.ofEpochSecond(startTime).minusNanos(1), Long.MAX_VALUE);
        }

        static Cursor decode(String cursor) {
            String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new Cursor(Instant.parse(p[0]), Long.parseLong(p[1]));
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((updatedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    protected ResponseDefinitionBuilder answer(Request request, SimulatedSource source) {
        String path = URI.create(request.getUrl()).getPath();
        if (path.equals("/zd/acme/api/v2/users/me.json")) {
            return okJson("{\"user\": {\"id\": 35436, \"email\": \"agent@acme.test\", \"role\": \"admin\"}}");
        }
        if (path.equals(EXPORT)) {
            int perPage = Integer.parseInt(request.queryParameter("per_page").firstValue());
            Cursor from = request.queryParameter("start_time").isPresent()
                    ? Cursor.from(Long.parseLong(request.queryParameter("start_time").firstValue()))
                    : Cursor.decode(request.queryParameter("cursor").firstValue());
            List<Conversation> rest = source.after(from.updatedAt(), from.id());
            List<Conversation> tickets = rest.subList(0, Math.min(perPage, rest.size()));
            Cursor after = tickets.isEmpty() ? from : new Cursor(tickets.getLast().updatedAt(), tickets.getLast().id());
            return okJson(page(tickets.stream().map(ZendeskConnectorContractTest::ticket).toList(), after.encode(),
                    rest.size() <= perPage));
        }
        Matcher one = ONE_TICKET.matcher(path);
        if (one.matches()) {
            return source.find(one.group(1)).map(c -> okJson("{\"ticket\": " + ticket(c) + "}"))
                    .orElse(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\": \"RecordNotFound\", \"description\": \"Not found\"}"));
        }
        return aResponse().withStatus(404).withBody("{\"error\": \"InvalidEndpoint\"}");
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited(Duration wait) {
        return aResponse().withStatus(429).withHeader("Retry-After", Long.toString(wait.toSeconds()))
                .withHeader("Content-Type", "application/json").withBody("{\"error\": \"TooManyRequests\"}");
    }

    @Override
    protected ResponseDefinitionBuilder error(int status, String text) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"" + text + "\"}");
    }

    @Override
    protected String expectedMessage(Expected failure, String errorText, String serverUrl) {
        return switch (failure) {
            case AUTHENTICATION_FAILED -> "Zendesk rejected the email and API token (HTTP 401: " + errorText
                    + "). Reconnect with a valid API token.";
            case PERMISSION_DENIED -> "Zendesk denied access (HTTP 403: " + errorText
                    + "): the agent needs permission to read tickets (an admin role for the incremental export).";
            case RATE_LIMITED -> "Zendesk's rate limit was reached (HTTP 429).";
            case SERVER_ERROR -> "Zendesk answered HTTP 503: " + errorText + ".";
            case NO_ANSWER_IN_TIME -> "Zendesk did not answer in time (" + serverUrl + EXPORT + ").";
            case CONNECTION_REFUSED -> "Zendesk refused the connection (" + serverUrl + EXPORT + ").";
        };
    }

    @Override
    protected String expectedConnectionMessage() {
        return "Connected to acme.zendesk.com as agent@acme.test (admin)";
    }

    static String ticket(Conversation c) {
        return ticket(c.id(), c.status(), c.createdAt().toString(), c.malformed() ? "yesterday" : c.updatedAt().toString());
    }

    // ---- Zendesk specifics ----

    static String ticket(long id, String status, String updatedAt) {
        return ticket(id, status, "2025-12-30T10:00:00Z", updatedAt);
    }

    static String ticket(long id, String status, String createdAt, String updatedAt) {
        return """
                {"id": %d, "url": "https://acme.zendesk.com/api/v2/tickets/%d.json", "subject": "Printer on fire",
                 "status": "%s", "assignee_id": 235323, "requester_id": 20978392, "tags": ["enterprise", "vip"],
                 "via": {"channel": "email", "source": {"from": {}, "to": {}, "rel": null}},
                 "custom_fields": [{"id": 27642, "value": "745"}, {"id": 27648, "value": null}],
                 "created_at": "%s", "updated_at": "%s", "generated_timestamp": 1767261600}
                """.formatted(id, id, status, createdAt, updatedAt);
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
        server.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("start_time", equalTo("1767225600"))
                .withHeader("Authorization", equalTo("Basic YWdlbnRAYWNtZS50ZXN0L3Rva2VuOnpkLXRva2VuLTEyMw=="))
                .willReturn(okJson(page(List.of(ticket(1, "solved", "2026-01-02T10:00:00Z"),
                        ticket(2, "open", "2026-01-02T11:00:00Z")), "MTU3NjYxMzUzOS4wfHw0Njd8", false))));
        server.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("MTU3NjYxMzUzOS4wfHw0Njd8"))
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
        server.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("abc"))
                .willReturn(okJson(page(List.of(), "abd", true))));
        SourcePage page = fetch("abc");
        assertThat(page.records()).isEmpty();
        assertThat(page.endOfStream()).isTrue();
        assertThat(page.nextCheckpoint()).isEqualTo("abd");
    }

    @Test
    void aMalformedTicketIsSkippedWithAWarningThatNamesIt() throws Exception {
        server.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c1"))
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
        server.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("html"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Down for maintenance</body></html>")));
        server.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("gone"))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\": \"InvalidEndpoint\"}")));
        server.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("bad-cursor"))
                .willReturn(aResponse().withStatus(422).withBody("{\"error\": \"InvalidCursor\"}")));

        assertThatThrownBy(() -> fetch("html")).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).isEqualTo("Zendesk answered with a body that is not JSON");
        });
        assertThatThrownBy(() -> fetch("gone")).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).isEqualTo("Zendesk answered 404 for http://127.0.0.1:" + server.port() + EXPORT
                    + ": check the subdomain.").doesNotContain("cursor=");
        });
        assertThatThrownBy(() -> fetch("bad-cursor")).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).isEqualTo("Zendesk refused the request (HTTP 422: InvalidCursor).");
        });
        for (String cursor : List.of("html", "gone", "bad-cursor")) {
            server.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo(cursor)));
        }
    }

    @Test
    void aSingleTicketThatCannotBeMappedIsInvalidDataNamingIt() {
        server.stubFor(get(urlPathEqualTo("/zd/acme/api/v2/tickets/35436.json"))
                .willReturn(okJson("{\"ticket\": " + ticket(35436, "closed", "yesterday") + "}")));

        assertThatThrownBy(() -> connector.fetchOne(CREDENTIALS, "35436")).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).isEqualTo(
                    "Record '35436' was skipped: its created_at/updated_at is not an ISO-8601 timestamp ('yesterday')");
        });
    }

    @Test
    void theConnectionTestNeedsARealUser() throws Exception {
        server.stubFor(get(urlPathEqualTo("/zd/acme/api/v2/users/me.json")).willReturn(okJson(
                "{\"user\": {\"id\": 35436, \"email\": \"agent@acme.test\", \"role\": \"admin\"}}")));
        assertThat(connector.testConnection(CREDENTIALS)).isEqualTo("Connected to acme.zendesk.com as agent@acme.test (admin)");

        server.stubFor(get(urlPathEqualTo("/zd/acme/api/v2/users/me.json")).willReturn(okJson(
                "{\"user\": {\"id\": null, \"name\": \"Anonymous user\", \"role\": \"end-user\"}}")));
        assertThatThrownBy(() -> connector.testConnection(CREDENTIALS)).isInstanceOfSatisfying(SourceFailure.class,
                f -> assertThat(f.category()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED));
        assertThatThrownBy(() -> connector.testConnection(new SourceCredentials(Map.of("subdomain", "acme.evil.com/x"))))
                .isInstanceOfSatisfying(SourceFailure.class, f -> assertThat(f.getMessage()).contains("is not a Zendesk subdomain"));
    }
}
