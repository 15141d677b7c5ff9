package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import io.syncwatch.agentrequests.AgentConnectCompanies;
import io.syncwatch.platform.ApiProblem;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16 (API edges), over real HTTP as an API client sees them: every path of the OpenAPI
 * document, each with no key, a valid key, a wrong method and a trailing slash, plus unknown
 * paths, never answers the console's HTML page or sets a session cookie; every error is
 * problem+json; 401 carries {@code WWW-Authenticate: Bearer}; 405 carries {@code Allow}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class })
class ApiEdgeTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AgentConnectCompanies companies;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    String accountKey;
    String agentKey;

    @BeforeEach
    void keys() {
        accountKey = accounts.apiKey(accounts.createWithAllFeatures());
        agentKey = companies.create().testKey();
    }

    record Call(String method, String path, String key) {
    }

    @Test
    void noPathUnderApiAnswersHtmlOrASessionCookie_everyErrorIsAProblem() throws Exception {
        JsonNode docs = json.readTree(send(new Call("GET", "/v3/api-docs", null)).body());
        List<Call> calls = new ArrayList<>();
        List<String> documented = new ArrayList<>();
        for (var path : docs.get("paths").properties()) {
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "987654321");
            documented.add(path.getKey());
            String key = concrete.startsWith("/api/agent-connect/") ? agentKey : accountKey;
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                calls.add(new Call(method, concrete, null));
                calls.add(new Call(method, concrete, key));
                calls.add(new Call(method, concrete + "/", key));
                calls.add(new Call(method, concrete + "/", null));
            }
            calls.add(new Call("DELETE", concrete, key));
            calls.add(new Call("PATCH", concrete, null));
        }
        for (String unknown : List.of("/api", "/api/", "/api/nothing-here", "/api/v1/nothing-here", "/api/v2/integrations",
                "/api/agent-connect/v1/nothing-here", "/api/agent-connect/v2/requests", "/api/v1/integrations/1/2/3",
                "/api/v1/account/", "/api/agent-connect/v1/requests/")) {
            calls.add(new Call("GET", unknown, null));
            calls.add(new Call("GET", unknown, accountKey));
            calls.add(new Call("POST", unknown, agentKey));
        }
        assertThat(documented).as("every documented API lives under one of the two authenticated prefixes")
                .isNotEmpty().allMatch(p -> p.startsWith("/api/v1/") || p.startsWith("/api/agent-connect/v1/"));

        SoftAssertions soft = new SoftAssertions();
        for (Call call : calls) {
            HttpResponse<String> response = send(call);
            String what = call.method() + " " + call.path() + (call.key() == null ? " (no key)" : " (key)") + " -> "
                    + response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("");
            String type = response.headers().firstValue("Content-Type").orElse("");
            soft.assertThat(type).as(what).doesNotContain("text/html");
            soft.assertThat(response.headers().firstValue("Set-Cookie")).as(what + ": no session cookie").isEmpty();
            if (call.path().endsWith("/") && call.path().length() > "/api/".length()) {
                soft.assertThat(response.statusCode()).as(what + ": a trailing slash is never a success")
                        .isIn(401, 404, 405);
            }
            if (response.statusCode() >= 400 && !isAgentConnectValidation(call, response)) {
                soft.assertThat(type).as(what).startsWith("application/problem+json");
                JsonNode problem = json.readTree(response.body());
                soft.assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.statusCode());
                soft.assertThat(problem.path("type").asString()).as(what).startsWith(ApiProblem.TYPE_BASE);
                soft.assertThat(problem.path("title").asString()).as(what).isNotBlank();
            }
            if (response.statusCode() == 401) {
                soft.assertThat(response.headers().firstValue("WWW-Authenticate")).as(what).hasValue("Bearer");
            }
            if (response.statusCode() == 405) {
                soft.assertThat(response.headers().firstValue("Allow")).as(what).isPresent();
            }
            soft.assertThat(response.statusCode()).as(what).isLessThan(500);
        }
        soft.assertAll();
    }

    @Test
    void unknownPathsWrongMethodsAndTrailingSlashesAnswerLikeThis() throws Exception {
        HttpResponse<String> unknown = send(new Call("GET", "/api/v1/nothing-here", accountKey));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("type").asString()).isEqualTo(ApiProblem.TYPE_BASE + "not-found");

        HttpResponse<String> wrongMethod = send(new Call("DELETE", "/api/v1/account", accountKey));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");

        HttpResponse<String> getOnPost = send(new Call("GET", "/api/agent-connect/v1/requests", agentKey));
        assertThat(getOnPost.statusCode()).isEqualTo(405);
        assertThat(getOnPost.headers().firstValue("Allow")).hasValue("POST, OPTIONS");

        HttpResponse<String> trailingSlash = send(new Call("POST", "/api/agent-connect/v1/requests/", agentKey));
        assertThat(trailingSlash.statusCode()).as("the issue's trailing-slash POST").isEqualTo(404);
        assertThat(trailingSlash.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> noKey = send(new Call("GET", "/api/v1/integrations", null));
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json.readTree(noKey.body()).path("type").asString()).isEqualTo(ApiProblem.TYPE_BASE + "unauthorized");
    }

    @Test
    void bothNotFoundsOfAnIntegrationAreWordedTheSame() throws Exception {
        JsonNode integration = json.readTree(send(new Call("GET", "/api/v1/integrations/987654321", accountKey)).body());
        JsonNode state = json.readTree(send(new Call("GET", "/api/v1/integrations/987654321/state", accountKey)).body());

        assertThat(integration.path("status").asInt()).isEqualTo(404);
        for (String member : List.of("type", "title", "detail")) {
            assertThat(state.path(member).asString()).as(member).isEqualTo(integration.path(member).asString());
        }
        assertThat(integration.path("detail").asString()).isEqualTo("Integration not found");
    }

    @Test
    void theOpenApiDocumentListsEveryProblemType() throws Exception {
        JsonNode docs = json.readTree(send(new Call("GET", "/v3/api-docs", null)).body());

        JsonNode problem = docs.path("components").path("schemas").path("Problem");
        List<String> types = new ArrayList<>();
        problem.path("properties").path("type").path("enum").forEach(t -> types.add(t.asString()));
        assertThat(types).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(ApiProblem.values()).map(p -> p.type().toString()).toList());
        JsonNode listIntegrations = docs.path("paths").path("/api/v1/integrations").path("get").path("responses");
        for (String code : List.of("401", "404", "405", "500", "503")) {
            assertThat(listIntegrations.path(code).path("content").has("application/problem+json")).as(code).isTrue();
        }
        assertThat(listIntegrations.path("401").path("headers").has("WWW-Authenticate")).isTrue();
        assertThat(listIntegrations.path("503").path("headers").has("Retry-After")).isTrue();
    }

    /** The Requests API's own 400 (MALFORMED_REQUEST) and 422 bodies are specified by the spec, not problems. */
    private static boolean isAgentConnectValidation(Call call, HttpResponse<String> response) {
        return call.path().equals("/api/agent-connect/v1/requests") && Map.of(400, 1, 422, 1).containsKey(response.statusCode());
    }

    private HttpResponse<String> send(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .timeout(Duration.ofSeconds(20)).header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        if (call.key() != null) {
            request.header("Authorization", "Bearer " + call.key());
        }
        boolean body = call.method().equals("POST") || call.method().equals("PUT") || call.method().equals("PATCH");
        request.header("Content-Type", "application/json");
        request.method(call.method(), body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
