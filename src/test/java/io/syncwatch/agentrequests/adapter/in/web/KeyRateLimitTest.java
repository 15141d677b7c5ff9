package io.syncwatch.agentrequests.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import io.syncwatch.agentrequests.AgentConnectCompanies;
import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/** Each key has its own token bucket; an empty bucket answers 429 with Retry-After. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class })
class KeyRateLimitTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    KeyRateLimiter limiter;

    @Autowired
    AgentConnectCompanies companies;

    @Autowired
    ManageCompany manage;

    @Test
    void theFiftyFirstRequestWithinASecondWaits() {
        KeyRateLimiter three = new KeyRateLimiter(3);
        assertThat(three.secondsToWait(1)).isZero();
        assertThat(three.secondsToWait(1)).isZero();
        assertThat(three.secondsToWait(1)).isZero();
        assertThat(three.secondsToWait(1)).isEqualTo(1);
        assertThat(three.secondsToWait(2)).as("another key has its own bucket").isZero();
    }

    @Test
    void anExhaustedKeyGets429WithRetryAfterWhileAnotherKeyPasses() throws Exception {
        var c = companies.create();
        long testKeyId = manage.keys(c.id()).stream().filter(k -> k.name().equals("Staging")).findFirst().orElseThrow().id();
        // spend five seconds' worth of tokens at once: the next request must wait
        limiter.bucket(testKeyId).consumeIgnoringRateLimits(250);
        var response = mvc.perform(get("/api/agent-connect/v1/request-log").header("Authorization", "Bearer " + c.testKey()))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse();
        assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(1L, 6L);
        mvc.perform(get("/api/agent-connect/v1/request-log").header("Authorization", "Bearer " + c.liveKey()))
                .andExpect(status().isOk());
    }
}
