package io.syncwatch.agentrequests.adapter.in.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.Brand;
import io.syncwatch.agentrequests.domain.Channel;
import io.syncwatch.agentrequests.domain.ChannelMode;
import io.syncwatch.agentrequests.domain.Language;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;

/**
 * Company Info: channels, brands, languages, employees and API keys. {@code ?section=channels}
 * (brands, languages, employees, keys) scrolls to and highlights a section; the API Status page's
 * fix links use it.
 */
@Route("agent-connect/company-info")
@PageTitle("Company Info · Syncwatch")
@Menu(title = "Agent Connect › Company Info", order = 30)
@RolesAllowed(Permission.Names.AGENT_CONNECT_OPERATOR)
public class CompanyInfoView extends VerticalLayout implements BeforeEnterObserver {

    private final ManageCompany company;
    private final AccountId account;
    final Grid<Channel> channels = new Grid<>();
    final Grid<Brand> brands = new Grid<>();
    final Grid<Language> languages = new Grid<>();
    final EmployeesSection employees;
    final KeysSection keys;
    private final java.util.Map<String, Component> sections = new java.util.HashMap<>();
    String highlighted = "";

    public CompanyInfoView(CurrentUser currentUser, ManageCompany company) {
        this.company = company;
        this.account = currentUser.accountId();
        addClassName("sw-page");
        add(new PageHeader("Company Info", "Channels, brands, languages, employees and API keys of your Agent Connect company."));

        channels.addColumn(Channel::name).setHeader("Channel").setAutoWidth(true);
        channels.addComponentColumn(c -> {
            Checkbox enabled = new Checkbox("Enabled", c.enabled());
            enabled.addValueChangeListener(e -> save(() -> company.saveChannel(account, c.name(), e.getValue(), c.mode())));
            return enabled;
        }).setHeader("Enabled");
        channels.addComponentColumn(c -> {
            Select<ChannelMode> mode = modeSelect();
            mode.setValue(c.mode());
            mode.addValueChangeListener(e -> save(() -> company.saveChannel(account, c.name(), c.enabled(), e.getValue())));
            return mode;
        }).setHeader("Mode");
        channels.setAllRowsVisible(true);
        TextField channelName = new TextField();
        channelName.setPlaceholder("e.g. whatsapp");
        Select<ChannelMode> channelMode = modeSelect();
        channelMode.setValue(ChannelMode.MANUAL);
        Button addChannel = new Button("Add channel", e -> save(() -> company.saveChannel(account, channelName.getValue(), true, channelMode.getValue())));
        section("channels", "Channels", "Requests are accepted only on enabled channels; production keys need integrated mode.",
                channels, row(channelName, channelMode, addChannel));

        brands.addColumn(Brand::label).setHeader("Brand label").setAutoWidth(true);
        brands.addComponentColumn(b -> {
            Checkbox active = new Checkbox("Active", b.active());
            active.addValueChangeListener(e -> save(() -> company.saveBrand(account, b.label(), e.getValue())));
            return active;
        }).setHeader("Active");
        brands.setAllRowsVisible(true);
        TextField brandLabel = new TextField();
        brandLabel.setPlaceholder("Brand label");
        section("brands", "Brands", "With several active brands, requests must name one; with exactly one it is used by default.",
                brands, row(brandLabel, new Button("Add brand", e -> save(() -> company.saveBrand(account, brandLabel.getValue(), true)))));

        languages.addColumn(Language::code).setHeader("Language code").setAutoWidth(true);
        languages.addComponentColumn(l -> {
            Checkbox active = new Checkbox("Active", l.active());
            active.addValueChangeListener(e -> save(() -> company.saveLanguage(account, l.code(), e.getValue())));
            return active;
        }).setHeader("Active");
        languages.setAllRowsVisible(true);
        TextField code = new TextField();
        code.setPlaceholder("e.g. fr-CA");
        section("languages", "Languages", "With several active languages, requests must give one; with exactly one it is used by default.",
                languages, row(code, new Button("Add language", e -> save(() -> company.saveLanguage(account, code.getValue(), true)))));

        employees = new EmployeesSection(company, account);
        section("employees", "Employees", "Only active employees with a complete and approved profile may send Connect requests.", employees);
        keys = new KeysSection(company, account);
        section("keys", "API keys", "Test keys (ac_test_…) log every request on the Test Requests tab; production keys (ac_live_…) deliver.", keys);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("section").filter(sections::containsKey).ifPresent(s -> {
            highlighted = s;
            Component target = sections.get(s);
            target.addClassName("sw-agentrequests-highlight");
            target.getElement().executeJs("this.scrollIntoView({block: 'start'})");
        });
    }

    private void section(String id, String title, String help, Component... content) {
        VerticalLayout box = new VerticalLayout();
        box.setId(id);
        box.setPadding(false);
        box.add(new H2(title), new Paragraph(help));
        box.add(content);
        sections.put(id, box);
        add(box);
    }

    private static Select<ChannelMode> modeSelect() {
        Select<ChannelMode> mode = new Select<>();
        mode.setItems(ChannelMode.values());
        mode.setItemLabelGenerator(m -> m == ChannelMode.MANUAL ? "Manual" : "Integrated");
        return mode;
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void save(Runnable action) {
        try {
            action.run();
            Notification.show("Saved");
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        var settings = company.settings(account);
        channels.setItems(settings.channels());
        brands.setItems(settings.brands());
        languages.setItems(settings.languages());
    }
}
