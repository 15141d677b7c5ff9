package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.syncwatch.agentrequests.AgentConnectCompanies;
import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.platform.ApiProblem;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 22.1 and the Requests API side of issue 15.5, over real HTTP with the data source made to
 * fail (every new connection refused, as while the database is down): each API answers 503 with
 * {@code Retry-After} and a problem body, never {@code 302 → /login} and never a 500 with a stack
 * trace; afterwards every Requests API call that was answered 202 or 422 is in the log. Another
 * unexpected exception answers 500 with a reference id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class, DatabaseOutageApiTest.Outage.class })
class DatabaseOutageApiTest {

    /** Wraps the application's data source: while {@link #down} is set, no connection can be had. */
    @TestConfiguration
    static class Outage {

        static final AtomicBoolean down = new AtomicBoolean();

        @Bean
        static BeanPostProcessor failingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource target)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
                            (proxy, method, args) -> {
                                if (down.get() && method.getName().equals("getConnection")) {
                                    throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available (test outage)");
                                }
                                try {
                                    return method.invoke(target, args);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                }
            };
        }

        /** An endpoint that fails the two ways the API edge distinguishes. */
        @RestController
        static class Failing {

            @GetMapping("/api/agent-connect/v1/test-failures/bug")
            String bug() {
                throw new IllegalStateException("a bug with a secret detail");
            }

            @GetMapping("/api/agent-connect/v1/test-failures/database")
            String database() {
                throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("Connection is not available"));
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AgentConnectCompanies companies;

    @Autowired
    BrowseRequestLog log;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void databaseBack() {
        Outage.down.set(false);
    }

    @Test
    void duringAnOutageEveryApiAnswers503WithRetryAfter_andEveryAnswered202Or422IsLoggedAfterwards() throws Exception {
        AgentConnectCompanies.Company company = companies.create();
        String accountKey = accounts.apiKey(company.account());
        Instant from = Instant.now().minusSeconds(1);
        // warm: the key and the company settings are read once (the module caches them for seconds)
        assertThat(agentRequest(company.testKey(), "ghost@acme.test", "WARM").statusCode()).isEqualTo(422);

        Outage.down.set(true);
        HttpResponse<String> integrations = get("/api/v1/integrations", accountKey);
        List<HttpResponse<String>> during = new ArrayList<>();
        List<Future<HttpResponse<String>>> needDatabase;
        try (var clients = Executors.newFixedThreadPool(14)) { // every call at once
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String key = i % 3 == 0 ? company.liveKey() : company.testKey();
                String employee = i % 2 == 0 ? "ann@acme.test" : "ghost@acme.test";
                String reference = "OUTAGE-" + i;
                sent.add(clients.submit(() -> agentRequest(key, employee, reference)));
            }
            // two calls that cannot be answered without the database (reading the log, an unknown key)
            needDatabase = List.of(
                    clients.submit(() -> get("/api/agent-connect/v1/request-log?tab=invalid", company.testKey())),
                    clients.submit(() -> agentRequest("ac_test_unknown_key_during_outage", "ann@acme.test", "UNKNOWN")));
            sent.addAll(needDatabase);
            // the outage lasts until those have been answered (the others may wait for the database meanwhile)
            await().atMost(Duration.ofSeconds(30)).until(() -> needDatabase.stream().allMatch(Future::isDone));
            Outage.down.set(false);
            for (Future<HttpResponse<String>> answer : sent) {
                during.add(answer.get());
            }
        }

        assertUnavailable(integrations);
        for (HttpResponse<String> answer : during) {
            assertThat(answer.statusCode()).as(answer.body()).isIn(202, 422, 503);
            if (answer.statusCode() == 503) {
                assertUnavailable(answer);
            }
        }
        assertThat(during).as("with the database gone, calls needing it were refused with 503")
                .anyMatch(a -> a.statusCode() == 503);
        for (Future<HttpResponse<String>> call : needDatabase) {
            assertUnavailable(call.get());
        }
        List<String> answeredIds = during.stream().filter(a -> a.statusCode() == 202 || a.statusCode() == 422)
                .map(a -> json.readTree(a.body()).path("requestId").asString()).toList();
        List<String> logged = new ArrayList<>();
        for (LogTab tab : LogTab.values()) {
            log.page(company.id(), new LogQuery(tab, null, null, from, Instant.now().plusSeconds(5), null), 0, 500)
                    .stream().map(LoggedRequest::requestId).forEach(logged::add);
        }
        assertThat(logged).as("every request answered 202 or 422 is in the log").containsAll(answeredIds);
        assertThat(get("/api/v1/integrations", accountKey).statusCode()).as("recovered by itself").isEqualTo(200);
    }

    @Test
    void anExceptionUnderApiIsAProblemNeverARedirectToTheLoginPage() throws Exception {
        HttpResponse<String> bug = get("/api/agent-connect/v1/test-failures/bug", null);
        HttpResponse<String> database = get("/api/agent-connect/v1/test-failures/database", null);

        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(bug.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(bug.body());
        assertThat(problem.path("type").asString()).isEqualTo(ApiProblem.INTERNAL_ERROR.type().toString());
        assertThat(problem.path("reference").asString()).matches("[0-9a-f-]{36}");
        assertThat(bug.body()).doesNotContain("secret detail", "IllegalStateException", "at io.syncwatch");
        assertUnavailable(database);
    }

    private void assertUnavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(answer.body()).path("type").asString()).isEqualTo(ApiProblem.DATABASE_UNAVAILABLE.type().toString());
        assertThat(answer.body()).doesNotContain("Exception", "at io.syncwatch");
    }

    private HttpResponse<String> agentRequest(String key, String employee, String reference) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/agent-connect/v1/requests"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AgentConnectCompanies.body(employee, "email", "Acme", "en", reference)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/html,*/*");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
