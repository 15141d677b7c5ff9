package io.syncwatch.agentrequests;

import org.springframework.stereotype.Component;

import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.ChannelMode;
import io.syncwatch.agentrequests.domain.Employee;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.TestAccounts;

/** Sets up a fresh Agent Connect company for a test: settings like the demo's, one test and one production key. */
@Component
public class AgentConnectCompanies {

    public record Company(TestAccounts.TestAccount account, String testKey, String liveKey) {
        public AccountId id() {
            return account.id();
        }
    }

    private final TestAccounts accounts;
    private final ManageCompany company;

    public AgentConnectCompanies(TestAccounts accounts, ManageCompany company) {
        this.accounts = accounts;
        this.company = company;
    }

    public Company create() {
        TestAccounts.TestAccount account = accounts.createWithAllFeatures();
        AccountId id = account.id();
        company.saveChannel(id, "email", true, ChannelMode.INTEGRATED);
        company.saveChannel(id, "sms", true, ChannelMode.MANUAL);
        company.saveChannel(id, "voice", false, ChannelMode.INTEGRATED);
        company.saveBrand(id, "Acme", true);
        company.saveBrand(id, "Acme Outlet", true);
        company.saveBrand(id, "Old Acme", false);
        company.saveLanguage(id, "en", true);
        company.saveLanguage(id, "fr-CA", true);
        company.saveLanguage(id, "de", false);
        company.saveEmployee(id, new Employee("ann@acme.test", "Ann Ready", true, true, true));
        company.saveEmployee(id, new Employee("dan@acme.test", "Dan Deactivated", true, true, false));
        company.saveEmployee(id, new Employee("ivy@acme.test", "Ivy Incomplete", false, false, true));
        String test = company.createKey(id, "Staging", KeyKind.TEST).clearValue();
        String live = company.createKey(id, "Production", KeyKind.PRODUCTION).clearValue();
        return new Company(account, test, live);
    }

    public static String body(String employee, String channel, String brand, String language, String reference) {
        return """
                {"employee": {"email": "%s"}, "customer": {"name": "Carla Customer", "email": "carla@example.com"},
                 "channel": "%s", %s %s "reference": "%s"}""".formatted(employee, channel,
                brand == null ? "" : "\"brand\": \"" + brand + "\",", language == null ? "" : "\"language\": \"" + language + "\",",
                reference);
    }
}
