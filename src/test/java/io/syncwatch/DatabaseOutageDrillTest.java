package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import io.syncwatch.agentrequests.AgentConnectCompanies;
import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.ScriptedConnector;
import io.syncwatch.imports.ScriptedConnector.Script;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.ImportedContacts;
import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.ImportedContact;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;
import io.syncwatch.platform.ApiProblem;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.DatabaseProxy;
import io.syncwatch.testsupport.DatabaseProxyInitializer;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestDatabase;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15.5 in short: the database is cut at the TCP level (a proxy between the application and
 * the server closes every connection and refuses new ones) for a few seconds while an import run
 * and Requests API traffic go on, then restored. The application recovers with no restart; every
 * request during the outage is answered 202, 422 or 503 with {@code Retry-After} and a problem body
 * (never a 500); every one answered 202 or 422 is in the log afterwards; the run is not left
 * running but recorded failed for a transient reason, is due again shortly, and the retry resumes
 * from its checkpoint with nothing lost or duplicated. {@code scripts/db-outage-drill.sh} does the
 * same for 30 s against a running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=1500", "spring.datasource.hikari.validation-timeout=1000",
        "syncwatch.imports.page-size=10", "syncwatch.imports.outage.retry-after=2s" })
@ContextConfiguration(initializers = DatabaseProxyInitializer.class)
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class, DatabaseOutageDrillTest.Source.class })
class DatabaseOutageDrillTest {

    static final Duration OUTAGE = Duration.ofSeconds(6);

    @TestConfiguration
    static class Source {
        @Bean
        ScriptedConnector scriptedConnector() {
            return new ScriptedConnector();
        }
    }

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired SignedIn signedIn;
    @Autowired AgentConnectCompanies companies;
    @Autowired BrowseRequestLog requestLog;
    @Autowired IntegrationManagement integrations;
    @Autowired ScriptedConnector source;
    @Autowired ScheduledImports scheduled;
    @Autowired ImportHistory history;
    @Autowired ImportedContacts contacts;
    @Autowired JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();
    final DatabaseProxy database = DatabaseProxyInitializer.proxy();

    @AfterEach
    void restore() {
        database.restore();
        signedIn.signOut();
    }

    @Test
    void theAppRidesOutADatabaseOutageWithNothingLostAndNoRunLeftRunning() throws Exception {
        assumeThat(TestDatabase.isRealServer()).as("needs a database server behind a TCP proxy").isTrue();
        AgentConnectCompanies.Company company = companies.create();
        String accountKey = accounts.apiKey(company.account());
        signedIn.as(accounts.user(company.account(), Permission.MANAGE_INTEGRATIONS));
        Script script = source.newScript();
        Instant t0 = Instant.now().minus(Duration.ofDays(1));
        for (int i = 0; i < 60; i++) {
            script.add(ScriptedConnector.conversation("OUT-" + i, "chat", "closed", t0.plusSeconds(i)));
        }
        IntegrationSnapshot integration = integrations.connect(new ConnectCommand(ScriptedConnector.KEY, "Outage desk",
                script.credentials(), Environment.PRODUCTION, Schedule.HOURLY));
        integrations.configureFilters(integration.id(), new ImportFilters(List.of(), null, Set.of("closed")));
        signedIn.signOut();
        Instant from = Instant.now().minusSeconds(1);
        assertThat(agentRequest(company.testKey(), "ghost@acme.test", "WARM").statusCode()).isEqualTo(422);
        await().atMost(Duration.ofSeconds(20)).until(() -> scheduled.dueIntegrations(10_000).contains(integration.id()));

        // the database goes away while page 3 of the run is read
        CountDownLatch cut = new CountDownLatch(1);
        script.onCall.put(3, () -> {
            database.cut();
            cut.countDown();
        });
        ConcurrentLinkedQueue<HttpResponse<String>> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            var run = clients.submit(() -> scheduled.runScheduled(integration.id()));
            assertThat(cut.await(30, TimeUnit.SECONDS)).isTrue();
            var outageOver = new java.util.concurrent.atomic.AtomicBoolean();
            List<java.util.concurrent.Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                senders.add(clients.submit(() -> {
                    while (!outageOver.get()) {
                        int n = sent.incrementAndGet();
                        String key = n % 3 == 0 ? company.liveKey() : company.testKey();
                        String employee = n % 2 == 0 ? "ann@acme.test" : "ghost@acme.test";
                        answers.add(agentRequest(key, employee, "OUTAGE-" + n));
                        if (n % 5 == 0) {
                            answers.add(get("/api/v1/integrations", accountKey));
                        }
                    }
                    return null;
                }));
            }
            answers.add(get("/api/v1/integrations", accountKey)); // needs the database
            Thread.sleep(OUTAGE); // the outage itself: requests keep coming meanwhile
            assertThat(run).as("the run waits to be finished while the database is away").isNotDone();
            outageOver.set(true);
            database.restore();
            for (var sender : senders) {
                sender.get(60, TimeUnit.SECONDS);
            }
            run.get(60, TimeUnit.SECONDS);
        } finally {
            clients.shutdownNow();
        }

        // every answer during the outage: 202 or 422 (queued for the log), or 503 with Retry-After and a problem
        assertThat(answers).isNotEmpty();
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isIn(200, 202, 422, 503);
            if (answer.statusCode() == 503) {
                assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                        t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(json.readTree(answer.body()).path("type").asString())
                        .isEqualTo(ApiProblem.DATABASE_UNAVAILABLE.type().toString());
                assertThat(answer.body()).doesNotContain("Exception", "at io.syncwatch");
            }
        }
        assertThat(answers).as("calls that need the database were refused").anyMatch(a -> a.statusCode() == 503);

        // recovered by itself
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/integrations", accountKey).statusCode() == 200);
        // every request answered 202 or 422 is in the log
        List<String> answered = answers.stream().filter(a -> a.uri().getPath().endsWith("/requests"))
                .filter(a -> a.statusCode() == 202 || a.statusCode() == 422)
                .map(a -> json.readTree(a.body()).path("requestId").asString()).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(logged(company, from)).containsAll(answered));

        // the run: not running, failed for a transient reason, retried from its checkpoint
        RunSummary failed = history.runs(company.id(), integration.id(), 0, 1).getFirst();
        assertThat(failed.running()).isFalse();
        assertThat(failed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.failureCategory()).isEqualTo(FailureCategory.SYNCWATCH_UNAVAILABLE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_run WHERE integration_id = ? AND state = 'RUNNING'")
                .param(integration.id().value()).query(Long.class).single()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduled.dueIntegrations(10_000).contains(integration.id()));
        scheduled.runScheduled(integration.id());
        RunSummary retried = history.runs(company.id(), integration.id(), 0, 1).getFirst();
        assertThat(retried.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(retried.counts().fetched()).as("resumed after the 2 pages saved").isEqualTo(40);
        assertThat(contacts.search(company.id(), new ContactSearch("", true, integration.id(), null, null, null), 0, 1000))
                .extracting(ImportedContact::reference).hasSize(60).doesNotHaveDuplicates();
    }

    private List<String> logged(AgentConnectCompanies.Company company, Instant from) {
        List<String> ids = new ArrayList<>();
        for (LogTab tab : LogTab.values()) {
            requestLog.page(company.id(), new LogQuery(tab, null, null, from, Instant.now().plusSeconds(5), null), 0, 5000)
                    .stream().map(LoggedRequest::requestId).forEach(ids::add);
        }
        return ids;
    }

    private HttpResponse<String> agentRequest(String key, String employee, String reference) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/agent-connect/v1/requests"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AgentConnectCompanies.body(employee, "email", "Acme", "en", reference)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
