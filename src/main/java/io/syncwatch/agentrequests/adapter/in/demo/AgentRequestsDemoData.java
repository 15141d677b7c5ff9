package io.syncwatch.agentrequests.adapter.in.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.application.port.in.ReceiveAgentRequests;
import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.ChannelMode;
import io.syncwatch.agentrequests.domain.Employee;
import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.demo.DemoAccounts;

/**
 * Acme's Agent Connect company: employees in every state, channels in both modes and one
 * disabled, two active brands and an inactive one, two active languages and an inactive one,
 * fixed test and production keys, and a few logged requests so both tabs show something.
 */
@Component
@Profile("demo")
@Order(40)
class AgentRequestsDemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRequestsDemoData.class);

    static final String TEST_KEY = "ac_test_demo_acme_0123456789abcdef";
    static final String LIVE_KEY = "ac_live_demo_acme_0123456789abcdef";

    private final ManageCompany company;
    private final ReceiveAgentRequests intake;
    private final AccountDirectory directory;

    AgentRequestsDemoData(ManageCompany company, ReceiveAgentRequests intake, AccountDirectory directory) {
        this.company = company;
        this.intake = intake;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        AccountId acme = directory.findAccountByName(DemoAccounts.ACME).orElse(null);
        // the live key is registered last, right before the requests: once it exists the company is complete;
        // a start interrupted earlier is completed on the next (the saves below are upserts, issue 22.3)
        if (acme == null || intake.authenticate(LIVE_KEY).isPresent()) {
            return;
        }
        company.saveChannel(acme, "email", true, ChannelMode.INTEGRATED);
        company.saveChannel(acme, "chat", true, ChannelMode.INTEGRATED);
        company.saveChannel(acme, "sms", true, ChannelMode.MANUAL);
        company.saveChannel(acme, "voice", false, ChannelMode.MANUAL);
        company.saveBrand(acme, "Acme", true);
        company.saveBrand(acme, "Acme Outlet", true);
        company.saveBrand(acme, "Acme Classic", false);
        company.saveLanguage(acme, "en", true);
        company.saveLanguage(acme, "fr-CA", true);
        company.saveLanguage(acme, "de", false);
        company.saveEmployee(acme, new Employee("alice.ready@acme.example", "Alice Ready", true, true, true));
        company.saveEmployee(acme, new Employee("bob.ready@acme.example", "Bob Ready", true, true, true));
        company.saveEmployee(acme, new Employee("carol.pending@acme.example", "Carol Pending", true, false, true));
        company.saveEmployee(acme, new Employee("dave.incomplete@acme.example", "Dave Incomplete", false, false, true));
        company.saveEmployee(acme, new Employee("erin.gone@acme.example", "Erin Deactivated", true, true, false));
        AgentKey test = intake.authenticate(TEST_KEY).orElseGet(() -> company.registerKey(acme, "Staging (test)", TEST_KEY));
        AgentKey live = company.registerKey(acme, "Website (production)", LIVE_KEY);

        send(test, "alice.ready@acme.example", "Grace Hopper", "grace@example.com", "sms", "Acme", "en", "DEMO-T-1");
        send(test, "alice.ready@acme.example", "Alan Turing", "alan@example.com", "email", null, "fr-CA", "DEMO-T-2");
        send(test, "zoe.unknown@acme.example", "Ada Lovelace", "ada@example.com", "email", "Acme", "en", "DEMO-T-3");
        send(live, "erin.gone@acme.example", "Linus T", "linus@example.com", "email", "Acme", "en", "DEMO-P-1");
        send(live, "dave.incomplete@acme.example", "Barbara Liskov", "barbara@example", "sms", "Acme Classic", "de", "DEMO-P-2");
        send(live, "bob.ready@acme.example", "Ken Thompson", "ken@example.com", "voice", "Acme Outlet", "en", "DEMO-P-3");
        send(live, "bob.ready@acme.example", "Dennis Ritchie", "dennis@example.com", "chat", "Acme", "en", "DEMO-P-4");
        intake.receiveMalformed(live, "{\"employee\": {\"email\": \"bob.ready@acme.example\"}, \"customer\": ", "The body is not valid JSON.");
        LOG.info("Agent Connect demo company seeded for {}", DemoAccounts.ACME);
    }

    private void send(AgentKey key, String employee, String name, String email, String channel, String brand, String language,
            String reference) {
        AgentRequest request = new AgentRequest(employee, name, email, channel, brand, language, reference);
        String raw = "{\"employee\": {\"email\": \"%s\"}, \"customer\": {\"name\": \"%s\", \"email\": \"%s\"}, \"channel\": \"%s\"%s%s, \"reference\": \"%s\"}"
                .formatted(employee, name, email, channel, brand == null ? "" : ", \"brand\": \"" + brand + "\"",
                        language == null ? "" : ", \"language\": \"" + language + "\"", reference);
        intake.receive(key, request, raw);
    }
}
