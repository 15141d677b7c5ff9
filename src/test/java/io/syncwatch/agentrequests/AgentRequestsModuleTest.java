package io.syncwatch.agentrequests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import io.syncwatch.agentrequests.AgentConnectCompanies.Company;
import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.application.port.in.Receipt;
import io.syncwatch.agentrequests.application.port.in.ReceiveAgentRequests;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.testsupport.TestAccounts;

/**
 * The agent requests module on its own (a Spring Modulith module test: only this module and the
 * platform kernel are bootstrapped, on the real database): a request received with a production key
 * is published as {@link AgentConnectRequestAccepted} for delivery, with the values the company's
 * settings resolve; one received with a test key is not published but shown in the Test Requests log.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@Import({ TestAccounts.class, AgentConnectCompanies.class })
class AgentRequestsModuleTest {

    @Autowired
    AgentConnectCompanies companies;
    @Autowired
    ReceiveAgentRequests intake;
    @Autowired
    BrowseRequestLog log;

    static String reference() {
        return "order-" + UUID.randomUUID();
    }

    List<LoggedRequest> tab(Company company, LogTab tab) {
        Instant now = Instant.now();
        return log.page(company.id(),
                new LogQuery(tab, null, null, now.minus(Duration.ofDays(1)), now.plusSeconds(60), null), 0, 100);
    }

    @Test
    void aValidProductionRequestIsPublishedForDeliveryWithTheCompanysSpellingOfBrandAndLanguage(Scenario scenario) {
        Company company = companies.create();
        var key = intake.authenticate(company.liveKey()).orElseThrow();
        String reference = reference();
        var request = new AgentRequest("ANN@acme.test", " Carla Customer ", "carla@example.com", "Email", "acme outlet",
                "FR-ca", reference);
        AtomicReference<Receipt> receipt = new AtomicReference<>();

        scenario.stimulate(() -> receipt.set(intake.receive(key, request, "{}")))
                .andWaitForEventOfType(AgentConnectRequestAccepted.class)
                .matching(e -> reference.equals(e.reference()))
                .toArriveAndVerify(e -> {
                    assertThat(e.requestId()).isEqualTo(receipt.get().requestId());
                    assertThat(e.accountId()).isEqualTo(company.id());
                    assertThat(e.employeeEmail()).isEqualTo("ann@acme.test");
                    assertThat(e.customerName()).isEqualTo("Carla Customer");
                    assertThat(e.channel()).isEqualTo("email");
                    assertThat(e.brand()).isEqualTo("Acme Outlet");
                    assertThat(e.language()).isEqualTo("fr-CA");
                });
        assertThat(receipt.get().status()).isEqualTo(Receipt.ACCEPTED);
        assertThat(tab(company, LogTab.INVALID)).as("an accepted production request is not an invalid one").isEmpty();
        assertThat(tab(company, LogTab.TEST)).isEmpty();
    }

    @Test
    void aTestKeysRequestIsShownInTheTestRequestsLogAndNotPublished(Scenario scenario) {
        Company company = companies.create();
        var key = intake.authenticate(company.testKey()).orElseThrow();
        String reference = reference();
        var request = new AgentRequest("ann@acme.test", "Carla Customer", "carla@example.com", "email", "Acme", "en",
                reference);

        var logged = scenario.stimulate(() -> intake.receive(key, request, "{\"reference\":\"" + reference + "\"}"))
                .andWaitForStateChange(() -> tab(company, LogTab.TEST), rows -> !rows.isEmpty());
        logged.andVerify(rows -> assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.responseStatus()).isEqualTo(Receipt.ACCEPTED);
            assertThat(row.request().reference()).isEqualTo(reference);
        }));
        // the row and an event are committed together (decision 0005): the row is there and no event came with it
        logged.andVerifyEvents(events -> assertThat(events.ofType(AgentConnectRequestAccepted.class)
                .matching(e -> reference.equals(e.reference()))).isEmpty());
    }
}
