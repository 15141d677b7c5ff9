package io.syncwatch.agentrequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.syncwatch.agentrequests.AgentConnectCompanies.Company;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/**
 * Issue 17.4 as a scraper and an operator see it: {@code /actuator/prometheus} only with the
 * metrics user's Basic auth, carrying the Requests API's answers by status and code, the request
 * log's backlog and lag and the scheduler's lag; {@code /actuator/health} names the scheduler and
 * the request-log writer. (Same context as {@link AgentConnectApiTest}.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class, AgentConnectApiTest.AcceptedEvents.class })
class ObservabilityTest {

    static final String METRICS_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("metrics:test-metrics".getBytes(StandardCharsets.UTF_8));

    @Autowired
    MockMvc mvc;

    @Autowired
    AgentConnectCompanies companies;

    @Test
    void prometheusNeedsTheMetricsUser() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("WWW-Authenticate", "Basic realm=\"syncwatch-metrics\""));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("metrics:wrong".getBytes(StandardCharsets.UTF_8)))).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", METRICS_AUTH)).andExpect(status().isOk());
    }

    @Test
    void requestsApiAnswersRequestLogAndSchedulerAreScraped() throws Exception {
        Company c = companies.create();
        mvc.perform(post("/api/agent-connect/v1/requests").header("Authorization", "Bearer " + c.testKey())
                .contentType(MediaType.APPLICATION_JSON)
                .content(AgentConnectCompanies.body("nobody@acme.test", "email", null, null, "obs-1")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/agent-connect/v1/requests").header("Authorization", "Bearer ac_test_unknown_key")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnauthorized());

        String scraped = mvc.perform(get("/actuator/prometheus").header("Authorization", METRICS_AUTH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(scraped).containsPattern("syncwatch_agentrequests_answers_total\\{[^}]*code=\"EMPLOYEE_NOT_FOUND\"[^}]*status=\"422\"")
                .containsPattern("syncwatch_agentrequests_answers_total\\{[^}]*code=\"UNAUTHORIZED\"[^}]*status=\"401\"")
                .contains("syncwatch_agentrequests_log_backlog", "syncwatch_agentrequests_log_lag_seconds",
                        "syncwatch_scheduler_lag_seconds");
    }

    @Test
    void healthNamesTheSchedulerAndTheRequestLogWriterWhileTheProbesAnswerTheirStatusOnly() throws Exception {
        String health = mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString();
        assertThat(health).contains("\"scheduler\"", "\"requestLogWriter\"", "\"db\"");

        String readiness = mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(readiness).isEqualTo("{\"status\":\"UP\"}");
    }
}
