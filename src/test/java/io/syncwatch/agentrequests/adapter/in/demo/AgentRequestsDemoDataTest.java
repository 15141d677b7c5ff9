package io.syncwatch.agentrequests.adapter.in.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import io.syncwatch.agentrequests.AgentConnectCompanies;
import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.application.port.in.ReceiveAgentRequests;
import io.syncwatch.agentrequests.domain.Employee;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.demo.DemoAccounts;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.application.port.in.Onboarding;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/** The demo company has every state the page needs and is seeded once. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class })
class AgentRequestsDemoDataTest {

    @Autowired
    ManageCompany company;

    @Autowired
    ReceiveAgentRequests intake;

    @Autowired
    BrowseRequestLog log;

    @Autowired
    AccountDirectory directory;

    @Autowired
    Onboarding onboarding;

    @Test
    void seedsAcmeOnceWithEveryStateAndBothTabs() throws Exception {
        AccountId acme = directory.findAccountByName(DemoAccounts.ACME)
                .orElseGet(() -> onboarding.createAccount(DemoAccounts.ACME, EnumSet.allOf(FeatureFlag.class)).id());
        var demo = new AgentRequestsDemoData(company, intake, directory);
        demo.run(null);
        demo.run(null);

        assertThat(intake.authenticate(AgentRequestsDemoData.TEST_KEY)).get().extracting(k -> k.kind()).isEqualTo(KeyKind.TEST);
        assertThat(intake.authenticate(AgentRequestsDemoData.LIVE_KEY)).get().extracting(k -> k.kind()).isEqualTo(KeyKind.PRODUCTION);
        assertThat(company.keys(acme)).hasSize(2);
        var settings = company.settings(acme);
        assertThat(settings.channels()).anyMatch(c -> !c.enabled()).anyMatch(c -> c.enabled() && c.mode().name().equals("MANUAL"))
                .anyMatch(c -> c.enabled() && c.mode().name().equals("INTEGRATED"));
        assertThat(settings.activeBrands()).hasSize(2);
        assertThat(settings.brands()).hasSize(3);
        assertThat(settings.activeLanguages()).hasSize(2);
        assertThat(settings.languages()).hasSize(3);
        assertThat(company.employees(acme)).extracting(Employee::state)
                .contains("Ready", "Awaiting approval", "Profile incomplete", "Deactivated");
        Instant now = Instant.now();
        assertThat(log.page(acme, new LogQuery(LogTab.TEST, null, null, now.minus(Duration.ofDays(90)), now.plusSeconds(5), null), 0, 50))
                .hasSize(3);
        assertThat(log.page(acme, new LogQuery(LogTab.INVALID, null, null, now.minus(Duration.ofDays(90)), now.plusSeconds(5), null), 0, 50))
                .hasSize(6);
    }
}
