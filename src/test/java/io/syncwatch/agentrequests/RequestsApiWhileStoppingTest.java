package io.syncwatch.agentrequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/**
 * While the application stops (Spring Boot refuses traffic as soon as the context begins to close,
 * before the request log's writer and the connection pool stop), the Requests API answers 503
 * with {@code Retry-After} and a problem body, and stores nothing: it does not accept what it may
 * not be able to store (issue 15.8). {@code RequestLogKillBenchmark} shows the same with a real
 * SIGTERM under load.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class })
class RequestsApiWhileStoppingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AgentConnectCompanies companies;

    @Autowired
    BrowseRequestLog log;

    @Autowired
    ApplicationContext context;

    @Test
    void whileRefusingTrafficARequestIsAnswered503AndNotLogged() throws Exception {
        AgentConnectCompanies.Company company = companies.create();
        String reference = "stopping-" + System.nanoTime();
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            mvc.perform(post("/api/agent-connect/v1/requests").header("Authorization", "Bearer " + company.testKey())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(AgentConnectCompanies.body("ann@acme.test", "email", "Acme", "en", reference)))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("https://syncwatch.io/problems/not-ready"));
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(log.page(company.id(), new LogQuery(LogTab.TEST, null, null, Instant.EPOCH, Instant.now().plusSeconds(60), reference),
                0, 10)).as("nothing stored for a request answered 503").isEmpty();

        mvc.perform(post("/api/agent-connect/v1/requests").header("Authorization", "Bearer " + company.testKey())
                .contentType(MediaType.APPLICATION_JSON)
                .content(AgentConnectCompanies.body("ann@acme.test", "email", "Acme", "en", reference)))
                .andExpect(status().isAccepted());
        assertThat(log.page(company.id(), new LogQuery(LogTab.TEST, null, null, Instant.EPOCH, Instant.now().plusSeconds(60), reference),
                0, 10)).as("accepted again once ready").hasSize(1);
    }
}
