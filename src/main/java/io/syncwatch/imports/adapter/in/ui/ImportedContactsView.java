package io.syncwatch.imports.adapter.in.ui;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.syncwatch.imports.application.port.in.ImportedContacts;
import io.syncwatch.imports.application.port.in.IntegrationFilters;
import io.syncwatch.integrations.ui.FilterEditing;
import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.ImportedContact;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.PageHeader;
import io.syncwatch.platform.shell.SectionTabs;
import jakarta.annotation.security.RolesAllowed;
import io.syncwatch.platform.ConsoleRoutes;

/**
 * Imported contacts & filters (spec 001, step 3): search the account's imported contacts by source
 * reference (exact, or prefix with a trailing {@code *} or the prefix box), filter by integration,
 * channel and imported date, open a contact's metadata, and review each integration's filters (and edit them, for customer admins).
 */
@Route(ConsoleRoutes.CONTACTS)
@PageTitle("Imported contacts & filters · Syncwatch")
@Menu(title = "Conversations › Integrations", order = 11)
@RolesAllowed(Permission.Names.VIEW_IMPORTED_CONTACTS)
public class ImportedContactsView extends VerticalLayout {

    private final ImportedContacts contacts;
    private final AccountId account;
    private final Map<IntegrationId, IntegrationFilters> integrations;
    final TextField reference = new TextField("Source reference");
    final Checkbox prefix = new Checkbox("Prefix match");
    final ComboBox<IntegrationFilters> integration = new ComboBox<>("Integration");
    final ComboBox<String> channel = new ComboBox<>("Channel");
    final DatePicker importedFrom = new DatePicker("Imported from");
    final DatePicker importedTo = new DatePicker("Imported to");
    final Grid<ImportedContact> grid = new Grid<>();
    final Span total = new Span();

    private final FilterEditing filterEditing;
    private final VerticalLayout filtersBlock = new VerticalLayout();

    public ImportedContactsView(CurrentUser currentUser, ImportedContacts contacts, FilterEditing filterEditing) {
        this.contacts = contacts;
        this.filterEditing = filterEditing;
        this.account = currentUser.accountId();
        this.integrations = contacts.integrations(account).stream()
                .collect(Collectors.toMap(IntegrationFilters::id, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        addClassName("sw-page");
        add(new PageHeader("Integrations", "Find imported contacts by source reference and review each integration's filters (and edit them, for customer admins)."));
        add(new SectionTabs(currentUser, ConsoleRoutes.CONTACTS,
                new SectionTabs.Section("Platforms", ConsoleRoutes.PLATFORMS, Permission.MANAGE_INTEGRATIONS),
                new SectionTabs.Section("Imported contacts & filters", ConsoleRoutes.CONTACTS,
                        Permission.VIEW_IMPORTED_CONTACTS)));
        add(searchBar(), total, grid(), filters(currentUser.has(Permission.MANAGE_INTEGRATIONS)));
        refresh();
    }

    private HorizontalLayout searchBar() {
        reference.setId("contacts-reference");
        reference.setPlaceholder("Ticket ID, call ID, conversation ID");
        reference.setHelperText("Exact match; end with * (or tick Prefix match) to search by prefix");
        reference.setValueChangeMode(ValueChangeMode.LAZY);
        reference.setClearButtonVisible(true);
        integration.setId("contacts-integration");
        integration.setItems(integrations.values());
        integration.setItemLabelGenerator(ImportedContactsView::displayName);
        integration.setClearButtonVisible(true);
        integration.setPlaceholder("All integrations");
        channel.setId("contacts-channel");
        channel.setPlaceholder("All channels");
        channel.setItems(contacts.channels(account, null));
        channel.setClearButtonVisible(true);
        var times = io.syncwatch.platform.shell.DateTimes.forViewer(com.vaadin.flow.component.UI.getCurrent());
        times.localize(importedFrom);
        times.localize(importedTo);
        importedFrom.setId("contacts-from");
        importedTo.setId("contacts-to");
        prefix.setId("contacts-prefix");
        reference.addValueChangeListener(e -> refresh());
        prefix.addValueChangeListener(e -> refresh());
        integration.addValueChangeListener(e -> {
            // the channel box lists the channels of the chosen integration (all of the account's without one)
            String chosen = channel.getValue();
            var channels = contacts.channels(account, e.getValue() == null ? null : e.getValue().id());
            channel.setItems(channels);
            channel.setValue(chosen != null && channels.contains(chosen) ? chosen : null);
            refresh();
        });
        channel.addValueChangeListener(e -> refresh());
        importedFrom.addValueChangeListener(e -> refresh());
        importedTo.addValueChangeListener(e -> refresh());
        var bar = new HorizontalLayout(reference, prefix, integration, channel, importedFrom, importedTo);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private Grid<ImportedContact> grid() {
        grid.setId("contacts-grid");
        grid.addColumn(ImportedContact::reference).setHeader("Source reference").setAutoWidth(true);
        grid.addColumn(c -> integrationName(c.integrationId())).setHeader("Integration").setAutoWidth(true);
        grid.addColumn(c -> text(c.channel())).setHeader("Channel").setAutoWidth(true);
        grid.addColumn(c -> text(c.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(c -> text(c.agent())).setHeader("Agent").setAutoWidth(true);
        grid.addColumn(c -> Formats.when(c.firstImportedAt())).setHeader("First imported").setAutoWidth(true);
        grid.addColumn(c -> Formats.when(c.lastRefreshedAt())).setHeader("Last refresh").setAutoWidth(true);
        grid.addItemClickListener(e -> details(e.getItem()).open());
        grid.setHeight("420px");
        return grid;
    }

    void refresh() {
        ContactSearch search = search();
        grid.setItems(query -> contacts.search(account, search, query.getOffset(), query.getLimit()).stream());
        long count = contacts.count(account, search);
        total.setId("contacts-total");
        total.setText(count == 1 ? "1 contact" : count + " contacts");
    }

    ContactSearch search() {
        return new ContactSearch(reference.getValue().trim(), prefix.getValue(),
                integration.getValue() == null ? null : integration.getValue().id(), channel.getValue(),
                importedFrom.getValue(), importedTo.getValue());
    }

    Dialog details(ImportedContact c) {
        var dialog = new Dialog();
        dialog.setId("contact-details");
        dialog.setHeaderTitle("Contact " + c.reference());
        var list = new UnorderedList();
        item(list, "Integration", integrationName(c.integrationId()));
        item(list, "Channel", text(c.channel()));
        item(list, "Agent", text(c.agent()));
        item(list, "Status", text(c.status()));
        item(list, "Subject", text(c.subject()));
        item(list, "Tags", c.tags().isEmpty() ? "—" : String.join(", ", c.tags().stream().sorted().toList()));
        c.customFields().forEach((k, v) -> item(list, fieldLabel(k), v));
        item(list, "Created at the source", Formats.when(c.sourceCreatedAt()));
        item(list, "Updated at the source", Formats.when(c.sourceUpdatedAt()));
        item(list, "First imported", Formats.when(c.firstImportedAt()));
        item(list, "Last refresh", c.lastRefreshedAt() == null ? "Never refreshed" : Formats.when(c.lastRefreshedAt()));
        dialog.add(list);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        return dialog;
    }

    private VerticalLayout filters(boolean canManage) {
        filtersBlock.setId("contacts-filters");
        filtersBlock.setPadding(false);
        filtersBlock.add(new H2("Filters"));
        // a deleted integration no longer imports: it has no filters to review or edit
        var live = integrations.values().stream()
                .filter(i -> i.lifecycle() != io.syncwatch.integrations.Lifecycle.DELETED).toList();
        if (live.isEmpty()) {
            filtersBlock.add(new Span("No integrations yet."));
        }
        for (IntegrationFilters i : live) {
            filtersBlock.add(filtersCard(i, canManage));
        }
        return filtersBlock;
    }

    private Div filtersCard(IntegrationFilters i, boolean canManage) {
        var card = new Div();
        card.addClassName("sw-imports-filters");
        card.setId("contacts-filters-" + i.id());
        card.add(new H4(i.name() + " (" + i.lifecycle().name().toLowerCase() + ")"));
        var list = new UnorderedList();
        i.filters().conditions().forEach(c -> list.add(new ListItem(c.describe())));
        if (i.filters().conditions().isEmpty()) {
            list.add(new ListItem("No filter conditions: every conversation qualifies"));
        }
        list.add(new ListItem(i.filters().historicalStart() == null ? "No historical start date"
                : "Only conversations created on or after " + i.filters().historicalStart()));
        list.add(new ListItem(i.filters().statusCriteria().isEmpty() ? "Any status"
                : "Status is one of: " + String.join(", ", i.filters().statusCriteria().stream().sorted().toList())));
        card.add(list);
        if (canManage) {
            var edit = new Button("Edit filters", VaadinIcon.EDIT.create(),
                    e -> filterEditing.dialog(i.id(), saved -> replaceCard(card, new IntegrationFilters(saved.id(), saved.name(),
                            saved.platform(), saved.lifecycle(), saved.filters()))).open());
            edit.setId("contacts-edit-filters-" + i.id());
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            card.add(edit);
        }
        return card;
    }

    private void replaceCard(Div card, IntegrationFilters updated) {
        integrations.put(updated.id(), updated);
        filtersBlock.replace(card, filtersCard(updated, true));
    }

    private String integrationName(IntegrationId id) {
        var i = integrations.get(id);
        return i == null ? "Integration " + id : displayName(i);
    }

    /** "Old trial account (deleted)" for a deleted integration, whose contacts stay. */
    static String displayName(IntegrationFilters i) {
        return i.lifecycle() == io.syncwatch.integrations.Lifecycle.DELETED ? i.name() + " (deleted)" : i.name();
    }

    /** A source's custom field key as a label: "priority" → "Priority", "sla_tier" → "Sla tier". */
    static String fieldLabel(String key) {
        String words = key.replace('_', ' ').trim();
        if (words.isEmpty()) {
            return key;
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static void item(UnorderedList list, String label, String value) {
        var strong = new Span(label + ": ");
        strong.addClassName("sw-imports-label");
        list.add(new ListItem(strong, new Span(value)));
    }

    private static String text(@org.jspecify.annotations.Nullable String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
