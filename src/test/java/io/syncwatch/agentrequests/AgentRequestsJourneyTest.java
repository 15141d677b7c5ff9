package io.syncwatch.agentrequests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.ChannelMode;
import io.syncwatch.agentrequests.domain.Employee;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.BrowserTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/** In real Chromium: requests sent over HTTP show up on both API Status tabs, and a row opens its detail page. */
class AgentRequestsJourneyTest extends BrowserTest {

    @Autowired
    ManageCompany company;

    @Test
    void requestsSentOverHttpAppearOnBothTabs() throws Exception {
        TestAccount account = accounts.createWithAllFeatures();
        company.saveChannel(account.id(), "email", true, ChannelMode.INTEGRATED);
        company.saveBrand(account.id(), "Acme", true);
        company.saveLanguage(account.id(), "en", true);
        company.saveEmployee(account.id(), new Employee("ann@acme.test", "Ann", true, true, true));
        String testKey = company.createKey(account.id(), "Staging", KeyKind.TEST).clearValue();
        String liveKey = company.createKey(account.id(), "Website", KeyKind.PRODUCTION).clearValue();
        String base = base();

        assertThat(send(base, testKey, "ann@acme.test", "PW-TEST-OK")).isEqualTo(202);
        assertThat(send(base, liveKey, "ghost@acme.test", "PW-LIVE-BAD")).isEqualTo(422);

        String email = accounts.user(account, Permission.AGENT_CONNECT_OPERATOR);
        browser.signIn(base, email, TestAccounts.PASSWORD);
        Page page = browser.page();

        page.navigate(base + "/agent-connect/integrations/api-status/test");
        cell(page, "PW-TEST-OK").waitFor();
        assertThat(cell(page, "Accepted").count()).isPositive();
        assertThat(cell(page, "PW-LIVE-BAD").count()).isZero();

        page.navigate(base + "/agent-connect/integrations/api-status/invalid");
        cell(page, "PW-LIVE-BAD").waitFor();
        assertThat(cell(page, "Employee not found").count()).isPositive();
        assertThat(cell(page, "ghost@acme.test").count()).isPositive();
        assertThat(cell(page, "PW-TEST-OK").count()).isZero();

        cell(page, "PW-LIVE-BAD").click();
        page.waitForURL(url -> url.contains("/agent-connect/integrations/api-status/request/req_"));
        page.locator("#raw-request").waitFor();
        assertThat(page.locator("#raw-request").innerText()).contains("ghost@acme.test");

        // requests arriving while the tab is open wait in a banner (pushed, no reload), rows stay put
        page.navigate(base + "/agent-connect/integrations/api-status/invalid");
        cell(page, "PW-LIVE-BAD").waitFor();
        page.evaluate("window.__notReloaded = true");
        page.waitForTimeout(1100); // past the second the rows were read in (times are kept to the second)
        for (int i = 1; i <= 12; i++) {
            assertThat(send(base, liveKey, "ghost@acme.test", "PW-NEW-" + i)).isEqualTo(422);
        }
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#new-requests-text"))
                .hasText("12 new requests since this list was read",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
        assertThat(cell(page, "PW-NEW-12").count()).as("not moved in under the reader").isZero();
        page.locator("#new-requests-show").click();
        cell(page, "PW-NEW-12").waitFor();
        assertThat(page.locator("#new-requests").isVisible()).isFalse();
        assertThat(page.locator("#refresh").isVisible()).isTrue();
        assertThat(page.evaluate("window.__notReloaded === true")).as("the page was not reloaded").isEqualTo(true);
        assertThat(browser.errors()).isEmpty();
    }

    private static Locator cell(Page page, String text) {
        return page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(text));
    }

    private static int send(String base, String key, String employee, String reference) throws Exception {
        String body = """
                {"employee": {"email": "%s"}, "customer": {"name": "Carla", "email": "carla@example.com"},
                 "channel": "email", "reference": "%s"}""".formatted(employee, reference);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/agent-connect/v1/requests"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }
}
