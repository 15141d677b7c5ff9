package io.syncwatch.agentrequests.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import io.syncwatch.agentrequests.AgentConnectCompanies;
import io.syncwatch.agentrequests.application.port.out.RequestLog;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/** Rows older than the retention period are purged, newer ones stay; the error rows go with them. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class })
class RequestLogRetentionTest {

    @Autowired
    RequestLog log;

    @Autowired
    AgentConnectCompanies companies;

    @Test
    void purgesOnlyRowsOlderThanTheRetention() {
        var company = companies.create();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        log.append(row(company, "req_old_" + System.nanoTime(), now.minus(Duration.ofDays(91))));
        log.append(row(company, "req_new_" + System.nanoTime(), now.minus(Duration.ofDays(89))));
        var retention = new RequestLogRetention(log, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(90));

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        List<LoggedRequest> left = log.page(company.id(),
                new LogQuery(LogTab.TEST, null, null, now.minus(Duration.ofDays(365)), now, null), 0, 10);
        assertThat(left).extracting(LoggedRequest::requestId).singleElement().asString().startsWith("req_new_");
        assertThat(log.invalidCountsByError(company.id(), now.minus(Duration.ofDays(365)), now)).containsEntry("INVALID_CUSTOMER", 1L);
    }

    private static LoggedRequest row(AgentConnectCompanies.Company company, String id, Instant at) {
        return new LoggedRequest(id, company.id(), at, 1, "Staging", KeyKind.TEST, 422,
                List.of(new io.syncwatch.agentrequests.domain.RequestError(
                        io.syncwatch.agentrequests.domain.RequestErrorCode.INVALID_CUSTOMER, "customer.name", "missing")),
                null, new AgentRequest("ann@acme.test", null, "c@x.io", "email", null, null, "r"), "{}");
    }
}
