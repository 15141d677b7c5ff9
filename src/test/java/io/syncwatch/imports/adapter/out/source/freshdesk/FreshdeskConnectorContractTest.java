package io.syncwatch.imports.adapter.out.source.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.SourceCredentials;

/**
 * The Freshdesk connector passes the connector contract against {@link SimulatedFreshdesk}, and
 * these Freshdesk specifics: the request and the mapping of a ticket list as the API reference
 * shows it, paging that survives tickets updated while the list is read and more tickets in one
 * second than a page holds, the domain, validation errors.
 */
class FreshdeskConnectorContractTest extends ConnectorContractTest {

    static final SourceCredentials CREDENTIALS = new SourceCredentials(Map.of("domain", "acme", "apiKey", "fd-key-42"));
    static final String TICKETS = SimulatedFreshdesk.API + "/tickets";

    // ---- the platform, for the contract ----

    @Override
    protected String platformKey() {
        return FreshdeskConnector.KEY;
    }

    @Override
    protected String baseUrl(String serverUrl) {
        return serverUrl + "/fd/{domain}";
    }

    @Override
    protected SourcePlatformConnector connector(RestClient.Builder http, Environment environment, Clock clock) {
        return new FreshdeskConnector(http, environment, clock);
    }

    @Override
    protected SourceCredentials credentials() {
        return CREDENTIALS;
    }

    @Override
    protected String secret() {
        return "fd-key-42";
    }

    @Override
    protected ResponseDefinitionBuilder answer(Request request, SimulatedSource source) {
        return SimulatedFreshdesk.answer(request, source);
    }

    @Override
    protected ResponseDefinitionBuilder rateLimited(Duration wait) {
        return aResponse().withStatus(429).withHeader("Retry-After", Long.toString(wait.toSeconds()))
                .withHeader("X-RateLimit-Total", "400").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"too_many_requests\", \"message\": \"You have exceeded the limit of requests per minute\"}");
    }

    @Override
    protected ResponseDefinitionBuilder error(int status, String text) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"error_" + status + "\", \"message\": \"" + text + "\"}");
    }

    @Override
    protected String expectedMessage(Expected failure, String errorText, String serverUrl) {
        return switch (failure) {
            case AUTHENTICATION_FAILED -> "Freshdesk rejected the API key (HTTP 401: " + errorText
                    + "). Reconnect with a valid API key.";
            case PERMISSION_DENIED -> "Freshdesk denied access (HTTP 403: " + errorText
                    + "): the API key's agent needs permission to view the tickets.";
            case RATE_LIMITED -> "Freshdesk's rate limit was reached (HTTP 429, limit 400 calls per window).";
            case SERVER_ERROR -> "Freshdesk answered HTTP 503: " + errorText + ".";
            case NO_ANSWER_IN_TIME -> "Freshdesk did not answer in time (" + serverUrl + TICKETS + ").";
            case CONNECTION_REFUSED -> "Freshdesk refused the connection (" + serverUrl + TICKETS + ").";
        };
    }

    @Override
    protected String expectedConnectionMessage() {
        return "Connected to acme.freshdesk.com as ada@acme.test (Ada Agent)";
    }

    // ---- Freshdesk specifics ----

    SourcePage fetch(String checkpoint, int pageSize) throws SourceFailure {
        return connector.fetchChanges(new SourceRequest(IntegrationId.of(1), CREDENTIALS, checkpoint, START, pageSize));
    }

    List<String> readAll(int pageSize) throws SourceFailure {
        List<String> references = new ArrayList<>();
        String checkpoint = null;
        for (int i = 0; i < 50; i++) {
            SourcePage page = fetch(checkpoint, pageSize);
            page.records().forEach(r -> references.add(((SourceRecord.Valid) r).conversation().reference()));
            checkpoint = page.nextCheckpoint();
            if (page.endOfStream()) {
                return references;
            }
        }
        throw new AssertionError("no end of stream");
    }

    @Test
    void listsTicketsUpdatedSinceTheStartInUpdateOrderWithTheApiKeyAndMapsThem() throws Exception {
        server.stubFor(get(urlPathEqualTo(TICKETS)).withQueryParam("updated_since", equalTo("2025-12-31T23:59:59Z"))
                .withQueryParam("order_by", equalTo("updated_at")).withQueryParam("order_type", equalTo("asc"))
                .withQueryParam("per_page", equalTo("100")).withQueryParam("page", equalTo("1"))
                .withHeader("Authorization", equalTo("Basic ZmQta2V5LTQyOlg="))
                .willReturn(okJson("[" + SimulatedFreshdesk.ticket(20, 4, "2025-12-30T09:00:00Z", "2026-01-02T10:00:00Z") + ","
                        + SimulatedFreshdesk.ticket(21, 6, "2025-12-30T09:30:00Z", "2026-01-02T11:00:00Z")
                                .replace("\"source\": 1", "\"source\": 11").replace("\"responder_id\": 19000000123", "\"responder_id\": null")
                                .replace("\"cf_order_number\": null", "\"cf_products\": [\"kettle\", \"toaster\"]")
                        + "]")));

        SourcePage page = fetch(null, 250);

        assertThat(page.endOfStream()).as("fewer tickets than asked for").isTrue();
        SourceConversation c = ((SourceRecord.Valid) page.records().getFirst()).conversation();
        assertThat(c.reference()).isEqualTo("20");
        assertThat(c.channel()).isEqualTo("email");
        assertThat(c.agent()).isEqualTo("19000000123");
        assertThat(c.status()).isEqualTo("resolved");
        assertThat(c.tags()).containsExactlyInAnyOrder("refund", "vip");
        assertThat(c.customFields()).containsExactly(Map.entry("cf_region", "EU"));
        assertThat(c.subject()).isEqualTo("Refund for order 20");
        assertThat(c.createdAt()).hasToString("2025-12-30T09:00:00Z");
        assertThat(c.updatedAt()).hasToString("2026-01-02T10:00:00Z");
        SourceConversation custom = ((SourceRecord.Valid) page.records().get(1)).conversation();
        assertThat(custom.status()).as("a custom status, by number").isEqualTo("status 6");
        assertThat(custom.channel()).isEqualTo("source 11");
        assertThat(custom.agent()).isNull();
        assertThat(custom.customFields()).containsEntry("cf_products", "kettle,toaster");
        assertThat(page.nextCheckpoint()).as("the next list starts at the newest second, skipping ticket 21 there")
                .isEqualTo("2026-01-02T11:00:00Z;1;21");
    }

    @Test
    void aTicketUpdatedWhileTheListIsReadIsNotLostAndNoOtherIsSkipped() throws Exception {
        for (long id = 101; id <= 106; id++) {
            source.add(id, "open", START.plus(Duration.ofMinutes(id - 100)));
        }
        List<String> read = new ArrayList<>();
        SourcePage first = fetch(null, 3);
        first.records().forEach(r -> read.add(((SourceRecord.Valid) r).conversation().reference()));
        // numbered pages would now skip 104: it moves up to page 1 when 101 leaves it
        source.update(101, "closed", START.plus(Duration.ofHours(2)));
        String checkpoint = first.nextCheckpoint();
        for (int i = 0; i < 10; i++) {
            SourcePage page = fetch(checkpoint, 3);
            page.records().forEach(r -> read.add(((SourceRecord.Valid) r).conversation().reference()));
            checkpoint = page.nextCheckpoint();
            if (page.endOfStream()) {
                break;
            }
        }
        assertThat(read).containsExactly("101", "102", "103", "104", "105", "106", "101");
    }

    @Test
    void moreTicketsUpdatedInOneSecondThanAPageHoldsAreEachReadOnce() throws Exception {
        // a bulk update: seven tickets in the same second, pages of three
        for (long id = 201; id <= 207; id++) {
            source.add(id, "closed", START.plus(Duration.ofMinutes(5)));
        }
        source.add(208, "closed", START.plus(Duration.ofMinutes(6)));

        assertThat(readAll(3)).containsExactly("201", "202", "203", "204", "205", "206", "207", "208");
    }

    @Test
    void theDomainMayBeGivenWholeAndAnythingElseIsRefusedBeforeAnyRequest() throws Exception {
        assertThat(connector.testConnection(new SourceCredentials(Map.of("domain", "acme.freshdesk.com", "apiKey", "fd-key-42"))))
                .isEqualTo("Connected to acme.freshdesk.com as ada@acme.test (Ada Agent)");

        assertThatThrownBy(() -> connector.testConnection(new SourceCredentials(Map.of("domain", "acme.evil.test/x",
                "apiKey", "fd-key-42")))).isInstanceOfSatisfying(SourceFailure.class, f -> {
                    assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
                    assertThat(f.getMessage()).isEqualTo("'acme.evil.test/x' is not a Freshdesk domain (letters, digits and dashes)");
                });
        assertThat(source.requests()).isEqualTo(1);
    }

    @Test
    void aValidationErrorIsInvalidDataNamingTheFieldAndAMissingListNamesTheDomain() {
        server.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(SimulatedFreshdesk.validationFailed("updated_since",
                "It should be in the 'valid date' format")));
        assertThatThrownBy(() -> fetch(null, 10)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).isEqualTo("Freshdesk refused the request (HTTP 400: Validation failed "
                    + "(updated_since: It should be in the 'valid date' format)).");
        });
        server.verify(1, getRequestedFor(urlPathEqualTo(TICKETS)));

        server.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> fetch(null, 10)).isInstanceOfSatisfying(SourceFailure.class, f -> assertThat(f.getMessage())
                .isEqualTo("Freshdesk answered 404 for " + serverUrl() + TICKETS + ": check the domain."));

        server.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson("{\"tickets\": []}")));
        assertThatThrownBy(() -> fetch(null, 10)).isInstanceOfSatisfying(SourceFailure.class, f -> assertThat(f.getMessage())
                .isEqualTo("Freshdesk answered with something other than a list of tickets"));
    }
}
