package io.syncwatch.agentrequests.adapter.in.ui;

import com.vaadin.flow.data.binder.Binder;
import io.syncwatch.agentrequests.application.port.in.CompanyRefusal;
import io.syncwatch.agentrequests.application.port.in.CompanyRefusal.InvalidCompanyInput;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

import org.jspecify.annotations.Nullable;

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
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.Brand;
import io.syncwatch.agentrequests.domain.Channel;
import io.syncwatch.agentrequests.domain.ChannelMode;
import io.syncwatch.agentrequests.domain.CompanySection;
import io.syncwatch.agentrequests.domain.Language;
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

    private final ManageCompany company;
    private final AccountId account;
    final Grid<Channel> channels = new Grid<>();
    final Grid<Brand> brands = new Grid<>();
    final Grid<Language> languages = new Grid<>();
    final EmployeesSection employees;
    final KeysSection keys;
    private final java.util.Map<String, Component> sections = new java.util.HashMap<>();
    private final java.util.Map<String, Paragraph> notes = new java.util.HashMap<>();
    final TextField newChannel = new TextField();
    final TextField newBrand = new TextField();
    final TextField newLanguage = new TextField();
    String highlighted = "";

    public CompanyInfoView(CurrentUser currentUser, ManageCompany company) {
        this.company = company;
        this.account = currentUser.accountId();
        addClassName("sw-page");
        add(new PageHeader("Company Info", "Channels, brands, languages, employees and API keys of your Agent Connect company."));

        channels.setId("channel-grid");
        brands.setId("brand-grid");
        languages.setId("language-grid");
        newChannel.setId("new-channel");
        newBrand.setId("new-brand");
        newLanguage.setId("new-language");
        // no visible label beside the grids: screen readers still hear what each field is for
        newChannel.setAriaLabel("New channel");
        newBrand.setAriaLabel("New brand");
        newLanguage.setAriaLabel("New language");
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
        TextField channelName = newChannel;
        channelName.setPlaceholder("e.g. whatsapp");
        Select<ChannelMode> channelMode = modeSelect();
        Binder<NewChannel> channelForm = Forms.binder(NewChannel.class);
        channelForm.bind(channelName, "name");
        channelForm.bind(channelMode, "mode");
        channelForm.readRecord(new NewChannel("", ChannelMode.MANUAL));
        Button addChannel = new Button("Add channel", e -> Forms.record(channelForm)
                .ifPresent(c -> save(() -> company.saveChannel(account, c.name(), true, c.mode()), channelForm)));
        addChannel.setId("add-channel");
        section("channels", "Channels", "Requests are accepted only on enabled channels; production keys need integrated mode.",
                channels, row(channelName, channelMode, addChannel));

        brands.addColumn(Brand::label).setHeader("Brand label").setAutoWidth(true);
        brands.addComponentColumn(b -> {
            Checkbox active = new Checkbox("Active", b.active());
            active.addValueChangeListener(e -> save(() -> company.saveBrand(account, b.label(), e.getValue())));
            return active;
        }).setHeader("Active");
        brands.setAllRowsVisible(true);
        TextField brandLabel = newBrand;
        brandLabel.setPlaceholder("Brand label");
        Binder<NewBrand> brandForm = Forms.binder(NewBrand.class);
        brandForm.bind(brandLabel, "label");
        Button addBrand = new Button("Add brand", e -> Forms.record(brandForm)
                .ifPresent(b -> save(() -> company.saveBrand(account, b.label(), true), brandForm)));
        addBrand.setId("add-brand");
        section("brands", "Brands", "With several active brands, requests must name one; with exactly one it is used by default.",
                brands, row(brandLabel, addBrand));

        languages.addColumn(Language::code).setHeader("Language code").setAutoWidth(true);
        languages.addComponentColumn(l -> {
            Checkbox active = new Checkbox("Active", l.active());
            active.addValueChangeListener(e -> save(() -> company.saveLanguage(account, l.code(), e.getValue())));
            return active;
        }).setHeader("Active");
        languages.setAllRowsVisible(true);
        TextField code = newLanguage;
        code.setPlaceholder("e.g. fr-CA");
        Binder<NewLanguage> languageForm = Forms.binder(NewLanguage.class);
        languageForm.bind(code, "code");
        Button addLanguage = new Button("Add language", e -> Forms.record(languageForm)
                .ifPresent(l -> save(() -> company.saveLanguage(account, l.code(), true), languageForm)));
        addLanguage.setId("add-language");
        section("languages", "Languages", "With several active languages, requests must give one; with exactly one it is used by default.",
                languages, row(code, addLanguage));

        employees = new EmployeesSection(company, account);
        section("employees", "Employees", "Only active employees with a complete and approved profile may send Connect requests.", employees);
        keys = new KeysSection(company, account);
        section("keys", "API keys", "Test keys (ac_test_…) log every request on the Test Requests tab; production keys (ac_live_…) deliver.", keys);
        refresh();
    }

    /** The query parameters of a fix link: the section and, when known, the item in it. */
    static QueryParameters fixLink(CompanySection section, @Nullable String item) {
        var params = new java.util.HashMap<String, String>();
        params.put(SECTION, section.anchor());
        String parameter = ITEM_PARAMETERS.get(section.anchor());
        if (parameter != null && item != null && !item.isBlank()) {
            params.put(parameter, item.strip());
        }
        return QueryParameters.simple(params); // in the URL in name order
    }

    static final String SECTION = "section";
    /** Section anchor → the query parameter naming an item in it. */
    static final java.util.Map<String, String> ITEM_PARAMETERS = java.util.Map.of("channels", "channel", "brands", "brand",
            "languages", "language", "employees", "employee");
    /** Longer values are not items of this page (an email is at most 254 characters). */
    private static final int MAX_ITEM = 254;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        sections.values().forEach(c -> c.removeClassName("sw-agentrequests-highlight"));
        notes.values().forEach(n -> n.setVisible(false));
        List.of(channels, brands, languages, employees.grid).forEach(Grid::deselectAll);
        highlighted = "";
        String target = query.getSingleParameter(SECTION).filter(sections::containsKey).orElse("");
        for (var parameter : ITEM_PARAMETERS.entrySet()) {
            var item = query.getSingleParameter(parameter.getValue()).map(String::strip)
                    .filter(v -> !v.isEmpty() && v.length() <= MAX_ITEM);
            if (item.isPresent()) {
                target = parameter.getKey();
                note(target, showItem(target, item.get()));
            }
        }
        if (!target.isEmpty()) {
            highlighted = target;
            Component box = sections.get(target);
            box.addClassName("sw-agentrequests-highlight");
            box.getElement().executeJs("this.scrollIntoView({block: 'start'})");
        }
    }

    /** Selects the item in its section, or prepares adding it; returns the note saying which. */
    private String showItem(String section, String item) {
        var settings = company.settings(account);
        return switch (section) {
            case "channels" -> settings.channel(item).map(c -> {
                channels.select(c);
                return "Channel “" + c.name() + "” is selected below (" + (c.enabled() ? "enabled" : "disabled") + ", "
                        + (c.mode() == ChannelMode.MANUAL ? "manual" : "integrated") + " mode).";
            }).orElseGet(() -> {
                newChannel.setValue(item);
                return "There is no channel “" + item + "”: its name is filled in below to add it.";
            });
            case "brands" -> settings.brand(item).map(b -> {
                brands.select(b);
                return "Brand “" + b.label() + "” is selected below (" + (b.active() ? "active" : "inactive") + ").";
            }).orElseGet(() -> {
                newBrand.setValue(item);
                return "There is no brand “" + item + "”: its label is filled in below to add it.";
            });
            case "languages" -> settings.language(item).map(l -> {
                languages.select(l);
                return "Language “" + l.code() + "” is selected below (" + (l.active() ? "active" : "inactive") + ").";
            }).orElseGet(() -> {
                newLanguage.setValue(item);
                return "There is no language “" + item + "”: its code is filled in below to add it.";
            });
            default -> employees.show(item) ? "Employee “" + item + "” is selected below."
                    : "There is no employee “" + item + "”: the Add employee form is open with the address filled in.";
        };
    }

    private void note(String section, String text) {
        Paragraph note = notes.get(section);
        note.setText(text);
        note.setVisible(true);
    }

    private void section(String id, String title, String help, Component... content) {
        VerticalLayout box = new VerticalLayout();
        box.setId(id);
        box.setPadding(false);
        Paragraph note = new Paragraph();
        note.setId(id + "-target");
        note.addClassName("sw-agentrequests-target");
        note.setVisible(false);
        notes.put(id, note);
        box.add(new H2(title), new Paragraph(help), note);
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

    /** A change from a grid's checkbox or select: a refusal is said in a notification. */
    private void save(Runnable action) {
        save(action, null);
    }

    /** Saves; a refusal is shown on the form's field it names (or in a notification), the typed value stays. */
    private void save(Runnable action, @Nullable Binder<?> form) {
        try {
            action.run();
            Notification.show("Saved");
        } catch (CompanyRefusal e) {
            var unplaced = form != null && e instanceof InvalidCompanyInput invalid
                    ? Forms.showRefusal(form, invalid) : java.util.Map.of("", e.getMessage());
            unplaced.values().forEach(Notification::show);
        }
        refresh();
    }

    private void refresh() {
        var settings = company.settings(account);
        channels.setItems(settings.channels());
        brands.setItems(settings.brands());
        languages.setItems(settings.languages());
    }

    /** Adding a channel: its name and mode (the use case's words for the name's rule). */
    public record NewChannel(
            @NotBlank(message = "The channel name is required (at most 40 characters).") @Size(max = 40, message = "The channel name is required (at most 40 characters).") String name,
            @NotNull(message = "Choose a mode") ChannelMode mode) {
    }

    /** Adding a brand. */
    public record NewBrand(
            @NotBlank(message = "The brand label is required (at most 120 characters).") @Size(max = 120, message = "The brand label is required (at most 120 characters).") String label) {
    }

    /** Adding a language. */
    public record NewLanguage(
            @NotBlank(message = "The language code is required (at most 35 characters).") @Size(max = 35, message = "The language code is required (at most 35 characters).") String code) {
    }
}
