package io.syncwatch.agentrequests.adapter.in.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.CompanySection;
import io.syncwatch.agentrequests.domain.CompanySettings;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;

/**
 * Company Info: channels, brands, languages, employees and API keys. {@code ?section=channels}
 * (brands, languages, employees, keys) scrolls to and highlights a section. The API Status page's
 * fix links also name the item: {@code ?channel=sms}, {@code ?brand=…}, {@code ?language=…} select
 * its row (or, if there is none, fill its name into the section's add field);
 * {@code ?employee=x@y} filters the employees to that address and selects it (or, if there is
 * none, opens the Add employee form with it filled in). A note in the section says which.
 */
@Route("agent-connect/company-info")
@PageTitle("Company Info · Syncwatch")
@Menu(title = "Agent Connect › Company Info", order = 30)
@RolesAllowed(Permission.Names.AGENT_CONNECT_OPERATOR)
public class CompanyInfoView extends VerticalLayout implements BeforeEnterObserver {

    static final String SECTION = "section";
    /** Section anchor → the query parameter naming an item in it. */
    static final Map<String, String> ITEM_PARAMETERS = Map.of("channels", "channel", "brands", "brand",
            "languages", "language", "employees", "employee");
    /** Longer values are not items of this page (an email is at most 254 characters). */
    private static final int MAX_ITEM = 254;

    private final ManageCompany company;
    private final AccountId account;
    final ChannelsSection channels;
    final BrandsSection brands;
    final LanguagesSection languages;
    final EmployeesSection employees;
    final KeysSection keys;
    /** Every section by its anchor. */
    private final Map<String, CompanyInfoSection> sections = new HashMap<>();
    String highlighted = "";

    public CompanyInfoView(CurrentUser currentUser, ManageCompany company) {
        this.company = company;
        this.account = currentUser.accountId();
        addClassName("sw-page");
        add(new PageHeader("Company Info", "Channels, brands, languages, employees and API keys of your Agent Connect company."));
        var saves = new CompanySaves(this::refresh);
        channels = section(new ChannelsSection(company, account, saves));
        brands = section(new BrandsSection(company, account, saves));
        languages = section(new LanguagesSection(company, account, saves));
        employees = new EmployeesSection(company, account);
        section(new CompanyInfoSection("employees", "Employees",
                "Only active employees with a complete and approved profile may send Connect requests.")).add(employees);
        keys = new KeysSection(company, account);
        section(new CompanyInfoSection("keys", "API keys",
                "Test keys (ac_test_…) log every request on the Test Requests tab; production keys (ac_live_…) deliver.")).add(keys);
        refresh();
    }

    /** The query parameters of a fix link: the section and, when known, the item in it. */
    static QueryParameters fixLink(CompanySection section, @Nullable String item) {
        var params = new HashMap<String, String>();
        params.put(SECTION, section.anchor());
        String parameter = ITEM_PARAMETERS.get(section.anchor());
        if (parameter != null && item != null && !item.isBlank()) {
            params.put(parameter, item.strip());
        }
        return QueryParameters.simple(params); // in the URL in name order
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        sections.values().forEach(CompanyInfoSection::reset);
        List.of(channels.grid, brands.grid, languages.grid, employees.grid).forEach(Grid::deselectAll);
        highlighted = "";
        String target = query.getSingleParameter(SECTION).filter(sections::containsKey).orElse("");
        for (var parameter : ITEM_PARAMETERS.entrySet()) {
            var item = query.getSingleParameter(parameter.getValue()).map(String::strip)
                    .filter(v -> !v.isEmpty() && v.length() <= MAX_ITEM);
            if (item.isPresent()) {
                target = parameter.getKey();
                sections.get(target).note(showItem(target, item.get()));
            }
        }
        if (!target.isEmpty()) {
            highlighted = target;
            sections.get(target).highlight();
        }
    }

    /** Selects the item in its section, or prepares adding it; returns the note saying which. */
    private String showItem(String section, String item) {
        CompanySettings settings = company.settings(account);
        return switch (section) {
            case "channels" -> channels.showItem(settings, item);
            case "brands" -> brands.showItem(settings, item);
            case "languages" -> languages.showItem(settings, item);
            default -> employees.show(item) ? "Employee “" + item + "” is selected below."
                    : "There is no employee “" + item + "”: the Add employee form is open with the address filled in.";
        };
    }

    private <S extends CompanyInfoSection> S section(S section) {
        sections.put(section.getId().orElseThrow(), section);
        add(section);
        return section;
    }

    private void refresh() {
        CompanySettings settings = company.settings(account);
        channels.show(settings);
        brands.show(settings);
        languages.show(settings);
    }
}
