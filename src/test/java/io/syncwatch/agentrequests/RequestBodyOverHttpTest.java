package io.syncwatch.agentrequests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/**
 * Bodies over real HTTP, as clients send them: with a Content-Length (read exactly) or chunked
 * without one (read up to the 64 KiB limit); either way the request is judged and logged the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class })
class RequestBodyOverHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    AgentConnectCompanies companies;

    @Autowired
    BrowseRequestLog log;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aChunkedBodyIsReadLikeOneWithALength() throws Exception {
        AgentConnectCompanies.Company company = companies.create();
        String body = AgentConnectCompanies.body("ghost@acme.test", "email", "Acme", "en", "CHUNKED");

        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers
                .ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(stream.contentLength()).as("unknown length: the client sends it chunked").isNegative();

        HttpResponse<String> withLength = post(company.testKey(), HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> chunked = post(company.testKey(), stream);

        assertThat(withLength.statusCode()).isEqualTo(422);
        assertThat(chunked.statusCode()).isEqualTo(422);
        assertThat(chunked.body()).contains("\"EMPLOYEE_NOT_FOUND\"", "\"reference\":\"CHUNKED\"");
        List<LoggedRequest> logged = log.page(company.id(),
                new LogQuery(LogTab.INVALID, null, null, Instant.now().minusSeconds(60), Instant.now().plusSeconds(1), null), 0, 10);
        assertThat(logged).hasSize(2).allSatisfy(r -> assertThat(r.rawBody()).isEqualTo(body));
    }

    @Test
    void aChunkedBodyOverTheLimitIsMalformed() throws Exception {
        AgentConnectCompanies.Company company = companies.create();
        String huge = "{\"reference\": \"" + "x".repeat(70_000) + "\"}";

        HttpResponse<String> response = post(company.liveKey(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("MALFORMED_REQUEST", "The body is larger than 64 KiB.");
    }

    private HttpResponse<String> post(String key, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/agent-connect/v1/requests"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json").POST(body)
                .timeout(Duration.ofSeconds(20)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
