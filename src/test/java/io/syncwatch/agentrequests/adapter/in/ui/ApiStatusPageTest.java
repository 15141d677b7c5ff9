package io.syncwatch.agentrequests.adapter.in.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

import io.syncwatch.agentrequests.AgentConnectCompanies.Company;
import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.application.port.in.ReceiveAgentRequests;
import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.ChannelMode;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.platform.Permission;

/** The API Status page's tabs, filters, summary, detail panel with fix links and re-check, CSV export; Company Info. */
class ApiStatusPageTest extends AgentConnectScreenTestSupport {

    @Autowired
    ReceiveAgentRequests intake;

    @Autowired
    ManageCompany manage;

    private void setUp() {
        signIn();
        AgentKey test = intake.authenticate(company.testKey()).orElseThrow();
        AgentKey live = intake.authenticate(company.liveKey()).orElseThrow();
        intake.receive(test, request("ann@acme.test", "sms", "Acme", "en", "T-OK"), "{\"t\":1}");
        intake.receive(test, request("ghost@acme.test", "email", "Acme", "en", "T-GHOST"), "{\"t\":2}");
        intake.receive(live, request("ann@acme.test", "voice", null, null, "P-VOICE"), "{\"p\":1}");
        intake.receiveMalformed(live, "{oops", "The body is not valid JSON.");
    }

    private static AgentRequest request(String employee, String channel, String brand, String language, String reference) {
        return new AgentRequest(employee, "Carla", "carla@example.com", channel, brand, language, reference);
    }

    @Test
    void theInvalidTabListsFailedRequestsOfBothKindsNewestFirstWithPrimaryErrorAndMore() {
        setUp();
        UI.getCurrent().navigate(InvalidRequestsView.class);
        assertThat(references()).containsExactly("", "P-VOICE", "T-GHOST");
        Grid<LoggedRequest> grid = grid();
        assertThat(test(grid).getCellText(1, 2)).isEqualTo("Channel not enabled for company +2 more");
        assertThat(test(grid).getCellText(2, 2)).isEqualTo("Employee not found");
        assertThat(test(grid).getCellText(2, 3)).isEqualTo("ghost@acme.test");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("Malformed request");
        assertThat(summary())
                .contains("Employee not found: 1", "Channel not enabled for company: 1", "Brand signifier not provided: 1",
                        "Language not specified: 1", "Malformed request: 1");
    }

    @Test
    void newRequestsWaitInABannerUntilShownAndTheRowsUnderTheReaderStayPut() {
        setUp();
        UI.getCurrent().navigate(InvalidRequestsView.class);
        var panel = $(RequestLogPanel.class).single();
        var banner = panel.newRequests;
        assertThat($(Button.class).id("refresh").isVisible()).as("a Refresh button is always there").isTrue();
        panel.checkForNew();
        assertThat(banner.isVisible()).as("nothing new yet").isFalse();

        // the rows below are logged after the shown window's end (times are kept to the whole second)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> java.time.Instant.now().isAfter(panel.pinnedTo()));
        AgentKey test = intake.authenticate(company.testKey()).orElseThrow();
        intake.receive(test, request("late@acme.test", "sms", "Acme", "en", "T-LATE-1"), "{}");
        intake.receive(test, request("later@acme.test", "sms", "Acme", "en", "T-LATE-2"), "{}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> {
            panel.checkForNew();
            assertThat(banner.isVisible()).isTrue();
        });
        assertThat(panel.newRequests.text.getText()).isEqualTo("2 new requests since this list was read");
        assertThat(references()).as("the rows shown do not move").containsExactly("", "P-VOICE", "T-GHOST");

        test(panel.newRequests.show).click();
        assertThat(references()).containsExactly("T-LATE-2", "T-LATE-1", "", "P-VOICE", "T-GHOST");
        assertThat(banner.isVisible()).isFalse();
    }

    @Test
    void theTestTabOffersNoKeyKindFilterItListsTestKeysOnly() {
        setUp();
        UI.getCurrent().navigate(TestRequestsView.class);
        assertThat($(RequestLogPanel.class).single().filters.kindFilter.isVisible()).isFalse();
        UI.getCurrent().navigate(InvalidRequestsView.class);
        assertThat($(RequestLogPanel.class).single().filters.kindFilter.isVisible()).isTrue();
    }

    @Test
    void clickingASummaryBadgeShowsOnlyTheRequestsWithThatError() {
        setUp();
        UI.getCurrent().navigate(InvalidRequestsView.class);
        Span employeeNotFound = $(Span.class).from($(com.vaadin.flow.component.orderedlayout.HorizontalLayout.class).id("error-summary"))
                .all().stream().filter(s -> s.getText().startsWith("Employee not found")).findFirst().orElseThrow();
        assertThat(employeeNotFound.getElement().getAttribute("role")).isEqualTo("button");
        test(employeeNotFound).click();
        assertThat($(com.vaadin.flow.component.select.Select.class).id("error-filter").getValue()).isEqualTo("EMPLOYEE_NOT_FOUND");
        assertThat(references()).containsExactly("T-GHOST");
    }

    @Test
    void theTestTabListsEveryTestKeyRequestWithItsOutcome() {
        setUp();
        UI.getCurrent().navigate(TestRequestsView.class);
        assertThat(references()).containsExactly("T-GHOST", "T-OK");
        assertThat(test(grid()).getCellText(0, 2)).isEqualTo("Invalid");
        assertThat(test(grid()).getCellText(1, 2)).isEqualTo("Accepted");
        assertThat(summary()).as("the strip counts this tab's invalid requests: test keys only")
                .containsExactly("Employee not found: 1");
    }

    @Test
    void filtersNarrowTheGridAndTheExport() {
        setUp();
        InvalidRequestsView view = navigate(InvalidRequestsView.class, java.util.Map.of());
        var panel = $(RequestLogPanel.class).single();
        var error = $(com.vaadin.flow.component.select.Select.class).id("error-filter");
        test(error).selectItem("Employee not found");
        assertThat(references()).containsExactly("T-GHOST");
        test(error).selectItem("All errors");
        test($(com.vaadin.flow.component.select.Select.class).id("kind-filter")).selectItem("Production");
        assertThat(references()).containsExactly("", "P-VOICE");
        assertThat(summary()).as("the strip follows the key-kind filter")
                .contains("Channel not enabled for company: 1", "Malformed request: 1").doesNotContain("Employee not found: 1");
        test($(com.vaadin.flow.component.textfield.TextField.class).id("search")).setValue("p-voi");
        assertThat(references()).containsExactly("P-VOICE");
        assertThat(panel).isNotNull();
        assertThat($(com.vaadin.flow.component.html.Anchor.class).id("export-csv").getHref()).isNotBlank();
        assertThat($(com.vaadin.flow.component.html.Anchor.class).id("export-csv").getTitle()).hasValue("Every filtered row, newest first");
        String csv = exportCsv(view);
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains("\"P-VOICE\"", "Channel not enabled for company; Brand signifier not provided")
                .doesNotContain("T-GHOST");
    }

    /** Issue 18, defect 4: capitals typed or stored do not matter, and an empty result says what was searched. */
    @Test
    void searchIgnoresCaseAndTheEmptyMessageSaysWhatWasSearched() {
        setUp();
        navigate(InvalidRequestsView.class, java.util.Map.of());
        var search = $(com.vaadin.flow.component.textfield.TextField.class).id("search");
        test(search).setValue("P-VOICE");
        assertThat(references()).containsExactly("P-VOICE");
        test(search).setValue("t-ghost");
        assertThat(references()).containsExactly("T-GHOST");
        test(search).setValue("GHOST@ACME.TEST");
        assertThat(references()).containsExactly("T-GHOST");

        test(search).setValue("UIW-P-1");
        assertThat(references()).isEmpty();
        assertThat(grid().getEmptyStateText()).isEqualTo("No invalid requests matching “UIW-P-1” (employee email or reference) "
                + "in the last 7 days. Clear the search or filters, or choose a longer time range.");
        test($(com.vaadin.flow.component.select.Select.class).id("error-filter")).selectItem("Employee not found");
        assertThat(grid().getEmptyStateText()).startsWith("No invalid requests with “Employee not found” matching “UIW-P-1”");
    }

    private String exportCsv(InvalidRequestsView view) {
        var out = new java.io.StringWriter();
        try {
            $(RequestLogPanel.class).single().export.writeCsv(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    @Test
    void theDetailPanelExplainsEveryErrorLinksToTheFixAndReChecks() {
        setUp();
        UI.getCurrent().navigate(InvalidRequestsView.class);
        test(grid()).select(1);
        assertThat(getCurrentView()).isInstanceOf(RequestDetailView.class);
        assertThat($(com.vaadin.flow.component.html.H3.class).all()).extracting(h -> h.getText())
                .contains("Channel not enabled for company", "Brand signifier not provided", "Language not specified");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).all()).extracting(p -> p.getText())
                .anyMatch(t -> t.contains("This channel has not been enabled in Agent Connect."));
        List<RouterLink> fixes = $(RouterLink.class).all().stream().filter(l -> l.hasClassName("sw-agentrequests-fix")).toList();
        // the channel the request named is in its link; no brand or language was given, so those links name the section only
        assertThat(fixes).extracting(RouterLink::getHref).containsExactly("agent-connect/company-info?channel=voice&section=channels",
                "agent-connect/company-info?section=brands", "agent-connect/company-info?section=languages");
        assertThat(fixes.getFirst().getText()).isEqualTo("Open Company Info › Channels › voice");
        assertThat($(Pre.class).id("raw-request").getText()).isEqualTo("{\"p\":1}");

        test($(Button.class).id("recheck")).click();
        assertThat($(com.vaadin.flow.component.html.Div.class).id("recheck-result").getElement().getTextRecursively()).startsWith("Still invalid");
        manage.saveChannel(company.id(), "voice", true, ChannelMode.INTEGRATED);
        manage.saveBrand(company.id(), "Acme Outlet", false);
        manage.saveLanguage(company.id(), "fr-CA", false);
        test($(Button.class).id("recheck")).click();
        assertThat($(com.vaadin.flow.component.html.Div.class).id("recheck-result").getElement().getTextRecursively()).startsWith("Valid now");

        test(fixes.getFirst()).click();
        assertThat(getCurrentView()).isInstanceOf(CompanyInfoView.class);
        assertThat(((CompanyInfoView) getCurrentView()).getChildren().anyMatch(c -> c.getId().orElse("").equals("channels")
                && c.hasClassName("sw-agentrequests-highlight"))).isTrue();
        // the exact channel is selected, and the section says so
        assertThat($(Grid.class).id("channel-grid").getSelectedItems()).extracting(c -> ((io.syncwatch.agentrequests.domain.Channel) c).name())
                .containsExactly("voice");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("channels-target").getText())
                .isEqualTo("Channel “voice” is selected below (enabled, integrated mode).");
    }

    @Test
    void anotherAccountsRequestIsNotFound() {
        setUp();
        UI.getCurrent().navigate(InvalidRequestsView.class);
        String requestId = test(grid()).getRow(0).requestId();
        Company other = companies.create();
        signedIn.as(accounts.user(other.account(), Permission.AGENT_CONNECT_OPERATOR));
        UI.getCurrent().navigate("agent-connect/integrations/api-status/request/" + requestId);
        assertThat($(com.vaadin.flow.component.html.H3.class).all()).isEmpty();
        assertThat($(Pre.class).all()).isEmpty();
        UI.getCurrent().navigate(InvalidRequestsView.class);
        assertThat(references()).isEmpty();
    }

    @Test
    void companyInfoManagesEmployeesImportsCsvAndShowsANewKeyOnce() {
        signIn();
        UI.getCurrent().navigate(CompanyInfoView.class);
        assertThat(test($(Grid.class).first()).size()).isEqualTo(3);
        assertThat(test($(EmployeesSection.class).single().grid).size()).isEqualTo(3);
        var area = $(com.vaadin.flow.component.textfield.TextArea.class).first();
        test(area).setValue("email,name,profile_complete,profile_approved,active\nnew@acme.test,New One,true,true,true\nbad-email,X,true,true,true\nx@acme.test,,true,true,true\n");
        test($(Button.class).id("import-employees")).click();
        assertThat($(com.vaadin.flow.component.html.Div.class).id("import-report").getElement().getTextRecursively())
                .contains("1 imported, 2 rejected", "Line 3: invalid email 'bad-email'", "Line 4: name is missing");
        assertThat(manage.employees(company.id())).extracting(e -> e.email()).contains("new@acme.test");

        test($(Button.class).id("create-agent-key")).click(); // no name: rejected
        assertThat(manage.keys(company.id())).hasSize(2);
        KeysSection keys = $(KeysSection.class).single();
        assertThat(keys.shownOnce.isVisible()).isFalse();
        test(keys.name).setValue("CI");
        test($(Button.class).id("create-agent-key")).click();
        var shown = keys.shownOnce;
        assertThat(shown.isVisible()).isTrue();
        assertThat(shown.getValue()).startsWith(KeyKind.TEST.prefix());
        assertThat(intake.authenticate(shown.getValue())).isPresent();
        assertThat(manage.keys(company.id())).extracting(k -> k.displayPrefix()).doesNotContain(shown.getValue());
    }

    @Test
    void theTimeRangeFilterLeavesOutOlderRequests() {
        setUp();
        requestLog.append(new LoggedRequest("req_old_" + System.nanoTime(), company.id(),
                java.time.Instant.now().minus(java.time.Duration.ofDays(3)), 1, "Staging", KeyKind.TEST, 422,
                List.of(new io.syncwatch.agentrequests.domain.RequestError(
                        io.syncwatch.agentrequests.domain.RequestErrorCode.EMPLOYEE_NOT_FOUND, "employee.email", "x")),
                null, request("old@acme.test", "email", "Acme", "en", "THREE-DAYS-OLD"), "{}"));
        UI.getCurrent().navigate(InvalidRequestsView.class);
        assertThat(references()).contains("THREE-DAYS-OLD");
        test($(com.vaadin.flow.component.select.Select.class).id("range-filter")).selectItem("Last 24 hours");
        assertThat(references()).doesNotContain("THREE-DAYS-OLD").contains("P-VOICE");
        assertThat(summary()).contains("Employee not found: 1");
    }

    @Test
    void employeesAreDeactivatedAndReactivatedAndChannelsEnabledFromCompanyInfo() {
        signIn();
        UI.getCurrent().navigate(CompanyInfoView.class);
        EmployeesSection section = $(EmployeesSection.class).single();
        assertThat(test(section.grid).getRow(0).email()).isEqualTo("ann@acme.test");
        Button toggle = (Button) ((com.vaadin.flow.component.orderedlayout.HorizontalLayout) test(section.grid).getCellComponent(0, 3))
                .getComponentAt(1);
        assertThat(toggle.getText()).isEqualTo("Deactivate");
        test(toggle).click();
        assertThat(test(section.grid).getCellText(0, 2)).isEqualTo("Deactivated");
        assertThat(manage.employees(company.id())).filteredOn(e -> e.email().equals("ann@acme.test")).singleElement()
                .satisfies(e -> assertThat(e.active()).isFalse());
        Button reactivate = (Button) ((com.vaadin.flow.component.orderedlayout.HorizontalLayout) test(section.grid).getCellComponent(0, 3))
                .getComponentAt(1);
        assertThat(reactivate.getText()).isEqualTo("Reactivate");
        test(reactivate).click();
        assertThat(test(section.grid).getCellText(0, 2)).isEqualTo("Ready");

        @SuppressWarnings("unchecked")
        Grid<io.syncwatch.agentrequests.domain.Channel> channels = $(Grid.class).first();
        assertThat(test(channels).getRow(2).name()).isEqualTo("voice");
        var enabled = (com.vaadin.flow.component.checkbox.Checkbox) test(channels).getCellComponent(2, 1);
        test(enabled).click();
        assertThat(manage.settings(company.id()).channel("voice").orElseThrow().enabled()).isTrue();
    }
}
