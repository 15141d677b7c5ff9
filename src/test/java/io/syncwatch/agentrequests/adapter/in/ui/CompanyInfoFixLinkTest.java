package io.syncwatch.agentrequests.adapter.in.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;

import io.syncwatch.agentrequests.AgentConnectCompanies.Company;
import io.syncwatch.agentrequests.application.port.in.ReceiveAgentRequests;
import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.Brand;
import io.syncwatch.agentrequests.domain.Channel;
import io.syncwatch.agentrequests.domain.Language;
import io.syncwatch.agentrequests.domain.LoggedRequest;

/** The detail page's fix links name the exact item, and Company Info opens on it. */
class CompanyInfoFixLinkTest extends AgentConnectScreenTestSupport {

    private static final String COMPANY_INFO = "agent-connect/company-info";

    @Autowired
    ReceiveAgentRequests intake;

    /** Sends the request with the test key, opens its detail page from the grid and returns its fix links. */
    @SuppressWarnings("unchecked")
    private List<RouterLink> fixLinksOf(AgentRequest request) {
        AgentKey key = intake.authenticate(company.testKey()).orElseThrow();
        intake.receive(key, request, "{}");
        UI.getCurrent().navigate(InvalidRequestsView.class);
        Grid<LoggedRequest> grid = $(Grid.class).id("request-grid");
        test(grid).select(0);
        assertThat(getCurrentView()).isInstanceOf(RequestDetailView.class);
        return $(RouterLink.class).all().stream().filter(l -> l.hasClassName("sw-agentrequests-fix")).toList();
    }

    /** The query parameters of a link to Company Info (their order in the URL does not matter). */
    private static Map<String, List<String>> target(RouterLink link) {
        String[] href = link.getHref().split("\\?", 2);
        assertThat(href[0]).isEqualTo(COMPANY_INFO);
        return QueryParameters.fromString(href.length > 1 ? href[1] : "").getParameters();
    }

    private void companyInfo(String parameter, String value) {
        UI.getCurrent().navigate(COMPANY_INFO, QueryParameters.of(parameter, value));
        assertThat(getCurrentView()).isInstanceOf(CompanyInfoView.class);
    }

    /** The highlighted section's id, or "" (the view is a security proxy: read its components, not its fields). */
    private String highlighted() {
        return $(com.vaadin.flow.component.orderedlayout.VerticalLayout.class).all().stream()
                .filter(c -> c.hasClassName("sw-agentrequests-highlight")).map(c -> c.getId().orElse("")).findFirst().orElse("");
    }

    @SuppressWarnings("unchecked")
    private <T> Set<T> selected(String gridId) {
        return ((Grid<T>) $(Grid.class).id(gridId)).getSelectedItems();
    }

    private String note(String section) {
        Paragraph note = $(Paragraph.class).id(section + "-target");
        assertThat(note.isVisible()).as(section + " note visible").isTrue();
        return note.getText();
    }

    @Test
    void linksNameTheUnknownEmployeeTheDisabledChannelTheInactiveBrandAndTheUnknownLanguage() {
        signIn();
        List<RouterLink> links = fixLinksOf(new AgentRequest("x@y", "Carla", "carla@example.com", "voice", "Old Acme", "pt-BR", "R-1"));
        assertThat(links).extracting(CompanyInfoFixLinkTest::target).containsExactly(
                Map.of("section", List.of("employees"), "employee", List.of("x@y")),
                Map.of("section", List.of("channels"), "channel", List.of("voice")),
                Map.of("section", List.of("brands"), "brand", List.of("Old Acme")),
                Map.of("section", List.of("languages"), "language", List.of("pt-BR")));
        assertThat(links.getFirst().getHref()).contains("employee=x%40y");
        assertThat(links).extracting(RouterLink::getText).containsExactly("Open Company Info › Employees › x@y",
                "Open Company Info › Channels › voice", "Open Company Info › Brands › Old Acme", "Open Company Info › Languages › pt-BR");

        // following the brand link highlights the section and selects that brand's row
        test(links.get(2)).click();
        assertThat(getCurrentView()).isInstanceOf(CompanyInfoView.class);
        assertThat(highlighted()).isEqualTo("brands");
        assertThat(this.<Brand>selected("brand-grid")).extracting(Brand::label).containsExactly("Old Acme");
        assertThat(note("brands")).isEqualTo("Brand “Old Acme” is selected below (inactive).");
    }

    @Test
    void anUnknownEmployeeOpensTheAddFormWithTheAddressAndAKnownOneIsFilteredAndSelected() {
        signIn();
        List<RouterLink> links = fixLinksOf(new AgentRequest("ghost@acme.test", "Carla", "carla@example.com", "email", "Acme", "en", "R-2"));
        assertThat(links).extracting(CompanyInfoFixLinkTest::target)
                .containsExactly(Map.of("section", List.of("employees"), "employee", List.of("ghost@acme.test")));
        test(links.getFirst()).click();
        EmployeesSection employees = $(EmployeesSection.class).single();
        assertThat(employees.search.getValue()).isEqualTo("ghost@acme.test");
        assertThat(test(employees.grid).size()).isZero();
        Dialog add = $(Dialog.class).single();
        assertThat(add.isOpened()).isTrue();
        assertThat(add.getHeaderTitle()).isEqualTo("Add employee");
        assertThat($(TextField.class).id("employee-email").getValue()).isEqualTo("ghost@acme.test");
        assertThat(note("employees")).isEqualTo("There is no employee “ghost@acme.test”: the Add employee form is open with the address filled in.");
        add.close();

        companyInfo("employee", "DAN@acme.test"); // addresses match case-insensitively
        employees = $(EmployeesSection.class).single();
        assertThat(test(employees.grid).size()).isEqualTo(1);
        assertThat(employees.grid.getSelectedItems()).extracting(e -> e.email()).containsExactly("dan@acme.test");
        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(note("employees")).isEqualTo("Employee “DAN@acme.test” is selected below.");
    }

    @Test
    void unknownItemsAreOfferedForAddingAndNonsenseIsIgnored() {
        signIn();
        companyInfo("channel", "fax");
        assertThat(highlighted()).isEqualTo("channels");
        assertThat(selected("channel-grid")).isEmpty();
        assertThat($(TextField.class).id("new-channel").getValue()).isEqualTo("fax");
        assertThat(note("channels")).isEqualTo("There is no channel “fax”: its name is filled in below to add it.");

        companyInfo("language", "DE");
        assertThat(this.<Language>selected("language-grid")).extracting(Language::code).containsExactly("de");

        for (var params : List.of(Map.of("section", "nowhere"), Map.of("brand", " "), Map.of("employee", "a".repeat(300)),
                Map.of("section", "keys", "channel", "sms"))) {
            UI.getCurrent().navigate(COMPANY_INFO, QueryParameters.simple(params));
            assertThat(getCurrentView()).isInstanceOf(CompanyInfoView.class);
            assertThat(selected("brand-grid")).isEmpty();
            assertThat(selected("language-grid")).as("selection of an earlier link is cleared").isEmpty();
            assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        }
        // the last one: the item wins over a section that does not hold it
        assertThat(highlighted()).isEqualTo("channels");
        assertThat(this.<Channel>selected("channel-grid")).extracting(Channel::name).containsExactly("sms");
    }
}
