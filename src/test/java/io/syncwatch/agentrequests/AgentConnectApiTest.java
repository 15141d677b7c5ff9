package io.syncwatch.agentrequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.micrometer.core.instrument.MeterRegistry;
import io.syncwatch.agentrequests.AgentConnectCompanies.Company;
import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/** The Requests API over HTTP: statuses, bodies, tab membership, keys, limits and tenancy. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class, AgentConnectApiTest.AcceptedEvents.class })
class AgentConnectApiTest {

    /**
     * Accepted events as a module listener sees them: after the commit of the transaction they were
     * published in (an event published outside one would never arrive here, nor reach an
     * {@code @ApplicationModuleListener}). They are published by the request log's writer thread.
     */
    static class AcceptedEvents {
        private final List<AgentConnectRequestAccepted> received = new CopyOnWriteArrayList<>();

        List<AgentConnectRequestAccepted> received() {
            return received;
        }

        @TransactionalEventListener
        void on(AgentConnectRequestAccepted event) {
            received.add(event);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AgentConnectCompanies companies;

    @Autowired
    BrowseRequestLog log;

    @Autowired
    ManageCompany manage;

    @Autowired
    MeterRegistry meters;

    @Autowired
    AcceptedEvents events;

    private ResultActions send(String key, String body) throws Exception {
        return mvc.perform(post("/api/agent-connect/v1/requests").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<LoggedRequest> tab(Company c, LogTab tab) {
        Instant now = Instant.now();
        return log.page(c.id(), new LogQuery(tab, null, null, now.minus(Duration.ofDays(1)), now.plusSeconds(60), null), 0, 100);
    }

    @Test
    void aValidProductionRequestIsAcceptedWithItsResolvedValuesPublishedAndNotLogged() throws Exception {
        Company c = companies.create();
        send(c.liveKey(), AgentConnectCompanies.body("ANN@acme.test", "email", "acme outlet", "FR-ca", "order-1"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requestId").isNotEmpty())
                .andExpect(jsonPath("$.brand").value("Acme Outlet"))
                .andExpect(jsonPath("$.language").value("fr-CA"))
                .andExpect(jsonPath("$.reference").value("order-1"));

        assertThat(events.received().stream())
                .anySatisfy(e -> {
                    assertThat(e.accountId()).isEqualTo(c.id());
                    assertThat(e.employeeEmail()).isEqualTo("ann@acme.test");
                    assertThat(e.brand()).isEqualTo("Acme Outlet");
                    assertThat(e.reference()).isEqualTo("order-1");
                });
        assertThat(tab(c, LogTab.INVALID)).isEmpty();
        assertThat(tab(c, LogTab.TEST)).isEmpty();
    }

    @Test
    void anInvalidRequestGets422WithEveryErrorPrimaryFirst() throws Exception {
        Company c = companies.create();
        send(c.liveKey(), AgentConnectCompanies.body("nobody@acme.test", "sms", null, "de", "r-2"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.requestId").isNotEmpty())
                .andExpect(jsonPath("$.errors[0].code").value("EMPLOYEE_NOT_FOUND"))
                .andExpect(jsonPath("$.errors[0].message").value("Employee not found"))
                .andExpect(jsonPath("$.errors[0].field").value("employee.email"))
                .andExpect(jsonPath("$.errors[1].code").value("CHANNEL_IN_MANUAL_MODE"))
                .andExpect(jsonPath("$.errors[2].code").value("BRAND_NOT_PROVIDED"))
                .andExpect(jsonPath("$.errors[3].code").value("LANGUAGE_NOT_AVAILABLE"))
                .andExpect(jsonPath("$.errors.length()").value(4));
        assertThat(events.received().stream()).noneMatch(e -> e.accountId().equals(c.id()));
    }

    @Test
    void tabMembershipFollowsKeyKindAndOutcome() throws Exception {
        Company c = companies.create();
        send(c.testKey(), AgentConnectCompanies.body("ann@acme.test", "sms", "Acme", "en", "test-valid")).andExpect(status().isAccepted());
        send(c.testKey(), AgentConnectCompanies.body("dan@acme.test", "email", "Acme", "en", "test-invalid"))
                .andExpect(status().isUnprocessableContent());
        send(c.liveKey(), AgentConnectCompanies.body("ivy@acme.test", "email", "Acme", "en", "live-invalid"))
                .andExpect(status().isUnprocessableContent());
        send(c.liveKey(), AgentConnectCompanies.body("ann@acme.test", "email", "Acme", "en", "live-valid")).andExpect(status().isAccepted());

        assertThat(tab(c, LogTab.TEST)).extracting(r -> r.request().reference()).containsExactly("test-invalid", "test-valid");
        assertThat(tab(c, LogTab.INVALID)).extracting(r -> r.request().reference()).containsExactly("live-invalid", "test-invalid");
        LoggedRequest logged = tab(c, LogTab.INVALID).getFirst();
        assertThat(logged.keyName()).isEqualTo("Production");
        assertThat(logged.errorCodes()).containsExactly("EMPLOYEE_PROFILE_INCOMPLETE");
        assertThat(logged.responseStatus()).isEqualTo(422);
        assertThat(logged.rawBody()).contains("ivy@acme.test");
    }

    @Test
    void aManualChannelIsFineWithATestKeyButNotWithAProductionKey() throws Exception {
        Company c = companies.create();
        send(c.testKey(), AgentConnectCompanies.body("ann@acme.test", "sms", "Acme", "en", "t")).andExpect(status().isAccepted());
        send(c.liveKey(), AgentConnectCompanies.body("ann@acme.test", "sms", "Acme", "en", "p"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("CHANNEL_IN_MANUAL_MODE"));
    }

    @Test
    void malformedBodiesAre400AndLoggedWithTheirRawBody() throws Exception {
        Company c = companies.create();
        send(c.liveKey(), "{\"employee\": ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST")).andExpect(jsonPath("$.requestId").isNotEmpty());
        send(c.liveKey(), "[1,2]").andExpect(status().isBadRequest());
        send(c.liveKey(), "{\"channel\": 7}").andExpect(status().isBadRequest());
        mvc.perform(post("/api/agent-connect/v1/requests").header("Authorization", "Bearer " + c.liveKey())
                .contentType(MediaType.TEXT_PLAIN).content("hello")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        String huge = "{\"reference\": \"" + "ü".repeat(40_000) + "\"}";
        send(c.liveKey(), huge).andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("The body is larger than 64 KiB."));

        List<LoggedRequest> invalid = tab(c, LogTab.INVALID);
        assertThat(invalid).hasSize(5).allSatisfy(r -> {
            assertThat(r.errorCodes()).containsExactly("MALFORMED_REQUEST");
            assertThat(r.responseStatus()).isEqualTo(400);
        });
        assertThat(invalid).extracting(LoggedRequest::rawBody).contains("{\"employee\": ", "hello", "[1,2]");
        assertThat(invalid.getFirst().rawBody()).startsWith("{\"reference\": \"üü").hasSizeLessThan(huge.length());
        assertThat(tab(c, LogTab.TEST)).isEmpty();
    }

    @Test
    void missingUnknownAndRevokedKeysAre401AndCounted() throws Exception {
        Company c = companies.create();
        double before = meters.counter("syncwatch.agentrequests.unauthorized").count();
        String body = AgentConnectCompanies.body("ann@acme.test", "email", "Acme", "en", "x");
        mvc.perform(post("/api/agent-connect/v1/requests").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        send("ac_live_doesnotexist", body).andExpect(status().isUnauthorized());
        long keyId = manage.keys(c.id()).stream().filter(k -> k.name().equals("Production")).findFirst().orElseThrow().id();
        manage.revokeKey(c.id(), keyId);
        send(c.liveKey(), body).andExpect(status().isUnauthorized());
        assertThat(meters.counter("syncwatch.agentrequests.unauthorized").count() - before).isEqualTo(3.0);
        assertThat(tab(c, LogTab.INVALID)).isEmpty();
    }

    @Test
    void theRequestLogEndpointShowsOnlyTheKeysOwnCompanyFilteredByTabAndError() throws Exception {
        Company mine = companies.create();
        Company other = companies.create();
        send(mine.testKey(), AgentConnectCompanies.body("dan@acme.test", "email", "Acme", "en", "mine-1")).andExpect(status().isUnprocessableContent());
        send(mine.testKey(), AgentConnectCompanies.body("ann@acme.test", "email", "Acme", "en", "mine-2")).andExpect(status().isAccepted());
        send(other.testKey(), AgentConnectCompanies.body("dan@acme.test", "email", "Acme", "en", "other-1")).andExpect(status().isUnprocessableContent());

        mvc.perform(get("/api/agent-connect/v1/request-log?tab=test").header("Authorization", "Bearer " + mine.testKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requests.length()").value(2))
                .andExpect(jsonPath("$.requests[0].reference").value("mine-2"))
                .andExpect(jsonPath("$.requests[0].outcome").value("accepted"))
                .andExpect(jsonPath("$.requests[1].errors[0]").value("EMPLOYEE_DEACTIVATED"));
        mvc.perform(get("/api/agent-connect/v1/request-log?tab=invalid&error=EMPLOYEE_DEACTIVATED")
                .header("Authorization", "Bearer " + mine.liveKey()))
                .andExpect(jsonPath("$.requests.length()").value(1))
                .andExpect(jsonPath("$.requests[0].reference").value("mine-1"));
        mvc.perform(get("/api/agent-connect/v1/request-log?tab=invalid&error=EMPLOYEE_NOT_FOUND")
                .header("Authorization", "Bearer " + mine.liveKey()))
                .andExpect(jsonPath("$.requests.length()").value(0));
        mvc.perform(get("/api/agent-connect/v1/request-log?tab=test").header("Authorization", "Bearer " + other.testKey()))
                .andExpect(jsonPath("$.requests.length()").value(1))
                .andExpect(jsonPath("$.requests[0].reference").value("other-1"));
        mvc.perform(get("/api/agent-connect/v1/request-log?tab=nope").header("Authorization", "Bearer " + other.testKey()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("tab"));
        mvc.perform(get("/api/agent-connect/v1/request-log")).andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void theRecheckUsesTheCurrentSettings() throws Exception {
        Company c = companies.create();
        send(c.liveKey(), AgentConnectCompanies.body("ann@acme.test", "voice", "Acme", "en", "fix-me")).andExpect(status().isUnprocessableContent());
        LoggedRequest logged = tab(c, LogTab.INVALID).getFirst();
        assertThat(log.recheck(c.id(), logged.requestId()).orElseThrow().valid()).isFalse();
        manage.saveChannel(c.id(), "voice", true, io.syncwatch.agentrequests.domain.ChannelMode.INTEGRATED);
        assertThat(log.recheck(c.id(), logged.requestId()).orElseThrow().valid()).isTrue();
        Company other = companies.create();
        assertThat(log.recheck(other.id(), logged.requestId())).isEmpty();
        assertThat(log.find(other.id(), logged.requestId())).isEmpty();
    }

    @Test
    void bothEndpointsAreInTheOpenApiDocument() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("/api/agent-connect/v1/requests", "/api/agent-connect/v1/request-log", "agentConnectKey",
                "Agent Connect Requests API");
    }

    @Test
    void concurrentRequestsAreEachLoggedOnceWithTheirOwnErrors() throws Exception {
        Company c = companies.create();
        int n = 48;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = i % 2 == 0 ? AgentConnectCompanies.body("ghost" + i + "@acme.test", "email", "Acme", "en", "ghost-" + i)
                    : AgentConnectCompanies.body("ann@acme.test", "voice", "Acme", "en", "voice-" + i);
            sent.add(pool.submit(() -> {
                go.await();
                send(c.testKey(), body).andExpect(status().isUnprocessableContent());
                return null;
            }));
        }
        go.countDown();
        for (var f : sent) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        Instant now = Instant.now();
        java.util.function.Function<String, List<String>> refsWith = code -> log.page(c.id(),
                new LogQuery(LogTab.INVALID, code, null, now.minus(Duration.ofDays(1)), now.plusSeconds(60), null), 0, 200)
                .stream().map(r -> r.request().reference()).toList();
        assertThat(tab(c, LogTab.INVALID)).hasSize(n);
        assertThat(tab(c, LogTab.TEST)).hasSize(n);
        assertThat(refsWith.apply("EMPLOYEE_NOT_FOUND")).hasSize(n / 2).allMatch(ref -> ref.startsWith("ghost-"))
                .doesNotHaveDuplicates();
        assertThat(refsWith.apply("CHANNEL_NOT_ENABLED")).hasSize(n / 2).allMatch(ref -> ref.startsWith("voice-"))
                .doesNotHaveDuplicates();
    }

    @Test
    void concurrentAcceptedRequestsEachPublishTheirEventOnceAndLogNothing() throws Exception {
        Company c = companies.create();
        int n = 24;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = AgentConnectCompanies.body("ann@acme.test", "email", "Acme", "en", "live-" + i);
            sent.add(pool.submit(() -> {
                go.await();
                send(c.liveKey(), body).andExpect(status().isAccepted());
                return null;
            }));
        }
        go.countDown();
        for (var f : sent) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(events.received().stream().filter(e -> e.accountId().equals(c.id())).map(AgentConnectRequestAccepted::reference))
                .hasSize(n).doesNotHaveDuplicates().allMatch(ref -> ref.startsWith("live-"));
        assertThat(tab(c, LogTab.INVALID)).isEmpty();
        assertThat(tab(c, LogTab.TEST)).isEmpty();
    }

    @Test
    void requestIdsAreDistinctAndBeginWithTheTimeSoTheySortByIt() throws Exception {
        Company c = companies.create();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String json = send(c.testKey(), AgentConnectCompanies.body("ann@acme.test", "email", "Acme", "en", "id-" + i))
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
            ids.add(com.jayway.jsonpath.JsonPath.read(json, "$.requestId"));
            Thread.sleep(2);
        }
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("req_[0-9a-f]{32}"));
        assertThat(ids.stream().map(id -> id.substring(0, 16)).toList()).isSorted();
        long millis = Long.parseLong(ids.getFirst().substring(4, 16), 16);
        assertThat(Instant.ofEpochMilli(millis)).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Autowired
    io.syncwatch.platform.application.port.in.AccountAdministration administration;

    @Test
    void anAccountWithoutTheAgentConnectFeatureIsRefusedWith403AndNothingIsLogged() throws Exception {
        Company c = companies.create();
        administration.changeFlags(c.id(), java.util.Set.of(io.syncwatch.platform.FeatureFlag.INTEGRATIONS));

        send(c.testKey(), AgentConnectCompanies.body("ghost@acme.test", "email", "Acme", "en", "flag-off"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("AGENT_CONNECT")));
        mvc.perform(get("/api/agent-connect/v1/request-log").header("Authorization", "Bearer " + c.testKey()))
                .andExpect(status().isForbidden());
        assertThat(tab(c, LogTab.INVALID)).isEmpty();
        assertThat(tab(c, LogTab.TEST)).isEmpty();
    }
}
