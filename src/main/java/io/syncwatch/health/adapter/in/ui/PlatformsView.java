package io.syncwatch.health.adapter.in.ui;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.syncwatch.platform.shell.DateTimes;
import io.syncwatch.health.adapter.in.ui.support.PlatformNames;

import io.syncwatch.health.DetailedState;
import io.syncwatch.health.SummaryStatus;
import io.syncwatch.health.application.port.in.BulkActions;
import io.syncwatch.health.domain.HealthFilter;
import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.health.domain.HealthSort;
import io.syncwatch.health.application.port.in.HealthUpdates;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.EmptyState;
import io.syncwatch.platform.shell.NarrowScreen;
import io.syncwatch.platform.shell.PageHeader;
import io.syncwatch.platform.shell.SectionTabs;
import jakarta.annotation.security.RolesAllowed;
import io.syncwatch.platform.ConsoleRoutes;

/** The Platforms tab: every integration of the account with its health, at a glance. */
@Route(ConsoleRoutes.PLATFORMS)
@PageTitle("Platforms · Syncwatch")
@Menu(title = "Conversations › Integrations", order = 10)
@RolesAllowed(Permission.Names.MANAGE_INTEGRATIONS)
public class PlatformsView extends VerticalLayout {

    private final HealthQueries queries;
    private final BulkActions bulk;
    private final HealthUpdates updates;
    private final CurrentUser currentUser;
    private final Grid<HealthRecord> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Checkbox showDeleted = new Checkbox("Show deleted");
    private final Map<SummaryStatus, Button> chips = new EnumMap<>(SummaryStatus.class);
    private final Set<SummaryStatus> selectedStatuses = EnumSet.noneOf(SummaryStatus.class);
    private final Button pause = new Button("Pause", VaadinIcon.PAUSE.create());
    private final Button resume = new Button("Resume", VaadinIcon.PLAY.create());
    private final Button runNow = new Button("Run now", VaadinIcon.REFRESH.create());
    private final Div content = new Div();
    private final Component empty;
    private final VerticalLayout table = new VerticalLayout();
    private DateTimes timestamps;
    private HealthUpdates.@Nullable Subscription subscription;

    private final PlatformNames platformNames;

    public PlatformsView(CurrentUser currentUser, HealthQueries queries, BulkActions bulk, HealthUpdates updates,
            org.springframework.beans.factory.ObjectProvider<io.syncwatch.integrations.SourcePlatformCatalog> catalogs) {
        this.currentUser = currentUser;
        this.platformNames = new PlatformNames(catalogs);
        this.queries = queries;
        this.bulk = bulk;
        this.updates = updates;
        var ui = UI.getCurrent();
        this.timestamps = DateTimes.forViewer(ui);
        addClassName("sw-page");
        var headerActions = new ArrayList<Component>();
        com.vaadin.flow.router.RouteConfiguration.forApplicationScope().getRoute(ConsoleRoutes.WEEKLY_DIGEST).ifPresent(digest -> {
            var digestLink = new com.vaadin.flow.router.RouterLink("Weekly digest & alert routing", digest);
            digestLink.setId("health-digest-link");
            headerActions.add(digestLink);
        });
        // the integrations module's read-only pages of deleted integrations (their audit trail)
        var deletedLink = new com.vaadin.flow.component.html.Anchor(ConsoleRoutes.DELETED_INTEGRATIONS, "Deleted integrations");
        deletedLink.setId("health-deleted-link");
        var connectAnother = new Button("Connect integration", VaadinIcon.PLUS.create(),
                e -> e.getSource().getUI().ifPresent(u -> u.navigate(ConsoleRoutes.CONNECT_INTEGRATION)));
        connectAnother.setId("health-connect-header");
        headerActions.add(deletedLink);
        headerActions.add(connectAnother);
        add(new PageHeader("Integrations", "Is each integration running, and is data flowing?",
                headerActions.toArray(Component[]::new)));
        add(new SectionTabs(currentUser, ConsoleRoutes.PLATFORMS,
                new SectionTabs.Section("Platforms", ConsoleRoutes.PLATFORMS, Permission.MANAGE_INTEGRATIONS),
                new SectionTabs.Section("Imported contacts & filters", ConsoleRoutes.CONTACTS,
                        Permission.VIEW_IMPORTED_CONTACTS)));

        var connect = new Button("Connect integration", VaadinIcon.PLUS.create(),
                e -> e.getSource().getUI().ifPresent(u -> u.navigate(ConsoleRoutes.CONNECT_INTEGRATION)));
        connect.addThemeVariants(ButtonVariant.PRIMARY);
        connect.setId("health-connect");
        empty = new EmptyState(VaadinIcon.CONNECT, "No integrations yet",
                "Connect a platform to start importing conversations; its health will show here.", connect);

        buildTable();
        content.setWidthFull();
        add(content, help(), notifications());
        setSizeFull();
        refreshContent();
    }

    private void buildTable() {
        search.setPlaceholder("Search by name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("health-search");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        showDeleted.setId("health-show-deleted");
        showDeleted.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        var chipRow = new HorizontalLayout();
        chipRow.setSpacing(false);
        chipRow.addClassName("gap-s");
        for (SummaryStatus status : SummaryStatus.values()) {
            var chip = new Button(status.label());
            chip.addThemeVariants(ButtonVariant.SMALL);
            chip.addClassName("sw-health-chip");
            chip.setId("health-chip-" + status.name().toLowerCase(Locale.ROOT));
            chip.getElement().setAttribute("aria-pressed", "false");
            chip.addClickListener(e -> toggle(status));
            chips.put(status, chip);
            chipRow.add(chip);
        }

        pause.setId("health-bulk-pause");
        resume.setId("health-bulk-resume");
        runNow.setId("health-bulk-run");
        pause.addClickListener(e -> bulk("paused", bulk.pause(selectedIds())));
        resume.addClickListener(e -> bulk("resumed", bulk.resume(selectedIds())));
        runNow.addClickListener(e -> bulk("started", bulk.runNow(selectedIds())));
        for (Button b : List.of(pause, resume, runNow)) {
            b.addThemeVariants(ButtonVariant.SMALL);
            b.setEnabled(false);
        }

        var toolbar = new HorizontalLayout(search, chipRow, showDeleted, new Span(), pause, resume, runNow);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.getStyle().set("flex-wrap", "wrap");

        grid.setId("health-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(e -> {
            boolean any = !e.getAllSelectedItems().isEmpty();
            pause.setEnabled(any);
            resume.setEnabled(any);
            runNow.setEnabled(any);
        });
        grid.setMultiSort(false);
        // every column fits 1280 px beside the navigation: texts wrap inside their cell, nothing is cut off
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        var name = grid.addColumn(new ComponentRenderer<>(this::nameCell)).setHeader("Name")
                .setKey("NAME").setSortable(true).setSortProperty("NAME").setWidth("8rem").setFlexGrow(2)
                .setTooltipGenerator(r -> r.state() == DetailedState.DELETED
                        ? "Deleted: it no longer runs; the contacts it imported stay" : null);
        grid.addColumn(r -> platformNames.of(r.platform())).setHeader("Platform").setKey("PLATFORM").setSortProperty("PLATFORM")
                .setWidth("6.5rem").setFlexGrow(1);
        var status = grid.addColumn(new ComponentRenderer<>(this::statusCell)).setHeader("Status").setKey("STATUS")
                .setSortProperty("STATUS").setWidth("11rem").setFlexGrow(3)
                // Vaadin's tooltip: on hover and when the cell has keyboard focus (not a native title)
                .setTooltipGenerator(r -> StatusHover.text(r, timestamps, queries.now()));
        grid.addColumn(this::lastRanAt).setHeader("Last ran at").setKey("LAST_RAN_AT").setSortProperty("LAST_RAN_AT")
                .setWidth("7.5rem").setFlexGrow(1);
        grid.addColumn(this::lastDataImported).setHeader("Last data imported").setKey("LAST_DATA_IMPORTED")
                .setSortProperty("LAST_DATA_IMPORTED").setWidth("7.5rem").setFlexGrow(1);
        grid.addColumn(this::nextRun).setHeader("Next run").setKey("NEXT_RUN").setSortProperty("NEXT_RUN").setWidth("7rem")
                .setFlexGrow(1);
        grid.addColumn(r -> r.schedule().label()).setHeader("Schedule").setKey("SCHEDULE").setSortProperty("SCHEDULE")
                .setWidth("6.5rem").setFlexGrow(1);
        // below 600 px one column of cards replaces the table (NarrowScreen)
        var cards = grid.addComponentColumn(r -> PlatformCard.of(r, nameCell(r), platformNames.of(r.platform()), statusCell(r),
                lastRanAt(r), lastDataImported(r), nextRun(r), timestamps, queries.now())).setHeader("Integrations")
                .setKey("CARD");
        cards.setVisible(false);
        NarrowScreen.follow(this, narrow -> grid.getColumns().forEach(c -> c.setVisible(c == cards ? narrow : !narrow)));
        var clear = new Button("Clear search and filters", e -> clearFilters());
        clear.setId("health-clear-filters");
        grid.setEmptyStateComponent(new EmptyState(VaadinIcon.SEARCH, "No integration matches",
                "No integration matches the search and status filters. Clear them to see every integration.", clear));
        grid.setItems(query -> queries.page(filter(), sorts(query.getSortOrders()), query.getOffset(), query.getLimit())
                .stream(), query -> queries.count(filter()));
        grid.sort(List.of(new GridSortOrder<>(status, SortDirection.ASCENDING)));
        name.setResizable(true);
        grid.setAllRowsVisible(false);
        grid.setHeight("60vh");

        table.setPadding(false);
        table.add(toolbar, grid);
    }

    private Component nameCell(HealthRecord r) {
        if (r.state() == io.syncwatch.health.DetailedState.DELETED) {
            // a deleted integration has no page any more (kept for audit); its name is plain text
            var name = new Span(r.name());
            name.addClassNames("sw-health-name", "sw-health-deleted");
            return name;
        }
        return integrationLink(r);
    }

    /** A link to the integrations module's integration page (by path: health does not know its view class). */
    private static Component integrationLink(HealthRecord r) {
        var a = new com.vaadin.flow.component.html.Anchor(ConsoleRoutes.integration(r.integrationId().value()), r.name());
        a.addClassName("sw-health-name");
        a.getElement().setAttribute("router-link", true);
        return a;
    }

    Component statusCell(HealthRecord r) {
        var now = queries.now();
        DetailedState state = r.state();
        var badge = new Span(state.summary().label());
        badge.addClassNames("sw-status", "sw-status-" + state.summary().name().toLowerCase(Locale.ROOT));
        var detail = new Span(state.label() + reason(r));
        detail.addClassName("sw-health-detail");
        var cell = new Div(badge, detail);
        cell.addClassName("sw-health-status"); // wraps (styles.css): the detail is never cut off
        if (r.running()) {
            var running = new Span("Running…");
            running.addClassNames("sw-health-running");
            running.getElement().setAttribute("theme", "badge contrast small");
            cell.add(running);
        }
        if (r.gap(now)) {
            var gap = new Span("Gap");
            gap.addClassName("sw-health-gap");
            gap.getElement().setAttribute("theme", "badge warning small");
            cell.add(gap);
        }
        if (r.overdue(now)) {
            var overdue = new Span("Overdue");
            overdue.addClassName("sw-health-overdue");
            overdue.getElement().setAttribute("theme", "badge error small");
            cell.add(overdue);
        }
        return cell;
    }

    private static String reason(HealthRecord r) {
        if (r.state() != DetailedState.INACTIVE || r.pauseReason() == null) {
            return "";
        }
        return switch (r.pauseReason()) {
            case MANUAL -> " (paused)";
            case DEVELOPMENT_INACTIVITY -> " (no API request for 14 days)";
            default -> "";
        };
    }

    private String lastRanAt(HealthRecord r) {
        return timestamps.format(r.lastRanAt(), queries.now(), "Never");
    }

    private String nextRun(HealthRecord r) {
        return r.nextRunAt() == null || r.lifecycle() != io.syncwatch.integrations.Lifecycle.ACTIVE ? "—"
                : timestamps.format(r.nextRunAt(), queries.now());
    }

    /** The empty state's way back to every integration. */
    private void clearFilters() {
        search.clear();
        selectedStatuses.clear();
        chips.forEach((status, chip) -> {
            chip.removeThemeVariants(ButtonVariant.PRIMARY);
            chip.getElement().setAttribute("aria-pressed", "false");
        });
        grid.getDataProvider().refreshAll();
    }

    String lastDataImported(HealthRecord r) {
        if (r.lastDataImportedAt() != null) {
            return timestamps.format(r.lastDataImportedAt(), queries.now());
        }
        return r.lastRanAt() != null ? "No data" : "—";
    }

    private HealthFilter filter() {
        return new HealthFilter(selectedStatuses, search.getValue() == null ? "" : search.getValue(),
                showDeleted.getValue());
    }

    private static List<HealthSort> sorts(List<QuerySortOrder> orders) {
        List<HealthSort> result = new ArrayList<>();
        for (QuerySortOrder order : orders) {
            result.add(new HealthSort(HealthSort.Column.valueOf(order.getSorted()),
                    order.getDirection() == SortDirection.ASCENDING));
        }
        if (result.isEmpty()) {
            result.add(HealthSort.byStatus());
        }
        return result;
    }

    private void toggle(SummaryStatus status) {
        if (!selectedStatuses.remove(status)) {
            selectedStatuses.add(status);
        }
        var chip = chips.get(status);
        boolean on = selectedStatuses.contains(status);
        if (on) {
            chip.addThemeVariants(ButtonVariant.PRIMARY);
        } else {
            chip.removeThemeVariants(ButtonVariant.PRIMARY);
        }
        chip.getElement().setAttribute("aria-pressed", Boolean.toString(on));
        grid.getDataProvider().refreshAll();
    }

    private List<IntegrationId> selectedIds() {
        return grid.getSelectedItems().stream().map(HealthRecord::integrationId).toList();
    }

    private void bulk(String verb, BulkActions.Result result) {
        var n = Notification.show(bulkMessage(verb, result), 8000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(result.failures().isEmpty() && result.skipped().isEmpty()
                ? com.vaadin.flow.component.notification.NotificationVariant.SUCCESS
                : com.vaadin.flow.component.notification.NotificationVariant.WARNING);
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    /** "2 integrations resumed; 1 skipped (Credentials invalid: reconnect …): Support EU; not done: …" */
    static String bulkMessage(String verb, BulkActions.Result result) {
        var text = new StringBuilder().append(result.succeeded()).append(" integration")
                .append(result.succeeded() == 1 ? "" : "s").append(' ').append(verb);
        var byReason = new java.util.LinkedHashMap<String, List<String>>();
        result.skipped().forEach(s -> byReason.computeIfAbsent(s.reason(), r -> new ArrayList<>()).add(s.integration()));
        byReason.forEach((reason, names) -> text.append("; ").append(names.size()).append(" skipped (").append(reason)
                .append("): ").append(String.join(", ", names)));
        if (!result.failures().isEmpty()) {
            text.append("; not done: ").append(String.join("; ", result.failures()));
        }
        return text.toString();
    }

    /** Shows the table, or the empty state when the account has no integration at all. */
    void refreshContent() {
        boolean none = queries.count(new HealthFilter(Set.of(), "", true)) == 0;
        content.removeAll();
        content.add(none ? empty : table);
        if (!none) {
            grid.getDataProvider().refreshAll();
        }
    }

    /** The internal notifications (quality assurance, credentials invalid) of the account. */
    private Component notifications() {
        var list = new UnorderedList();
        for (var n : queries.notifications()) {
            list.add(new ListItem(timestamps.absolute(n.createdAt()) + " · " + n.integrationName() + " · "
                    + (n.kind().equals("QUALITY_ASSURANCE") ? "Quality assurance" : "Credentials invalid") + ": "
                    + n.message()));
        }
        var details = new Details("Support notifications (" + list.getChildren().count() + ")", list);
        details.setId("health-notifications");
        return details;
    }

    private static Component help() {
        var list = new UnorderedList();
        list.add(new ListItem("Active — Active: the last run completed and data is flowing; Waiting for first run: "
                + "scheduled, no run has finished yet. No action needed."));
        list.add(new ListItem("Warning — Sync has warnings (a partial fetch, a missing field, rate limited), "
                + "Setup (finish setup: configure the filters). Open the integration and review the message."));
        list.add(new ListItem("Error — Sync failing, Authentication failing, Credentials invalid (every run for three "
                + "days failed on authentication; paused until you reconnect): re-authenticate or fix the configuration. "
                + "Quality assurance (the first run had problems — a rate limit alone is not one): the integration is "
                + "stopped, our engineering team is notified and re-enables it; no action needed from you."));
        list.add(new ListItem("Paused — Inactive (paused manually, or a development integration without API requests "
                + "for two weeks) and Deleted. Resume it from the integration page when you're ready."));
        list.add(new ListItem("Timestamps under 7 hours are relative (\"2 hours ago\"), older ones absolute. "
                + "\"No data\" means it ran but nothing new matched the import criteria yet. "
                + "Gap: runs happen but nothing saved for over 7 days or 24 scheduled intervals; "
                + "Overdue: no run for more than 2 scheduled intervals."));
        var details = new Details("What the statuses mean", list);
        details.setId("health-help");
        return details;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        timestamps = DateTimes.forViewer(ui);
        ui.getPage().retrieveExtendedClientDetails(details -> {
            // the first page of a session may render before the browser reported its zone
            timestamps = DateTimes.forViewer(ui);
            grid.getDataProvider().refreshAll();
        });
        subscription = updates.subscribe(currentUser.accountId(), () -> ui.access(this::refreshContent));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        super.onDetach(event);
    }

    Grid<HealthRecord> grid() {
        return grid;
    }
}
