package io.syncwatch.health.adapter.in.ui;

import java.util.ArrayList;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;

import io.syncwatch.health.adapter.in.ui.support.PlatformNames;
import io.syncwatch.health.application.port.in.BulkActions;
import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.health.application.port.in.HealthUpdates;
import io.syncwatch.health.domain.HealthFilter;
import io.syncwatch.integrations.SourcePlatformCatalog;
import io.syncwatch.platform.ConsoleRoutes;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.DateTimes;
import io.syncwatch.platform.shell.EmptyState;
import io.syncwatch.platform.shell.NarrowScreen;
import io.syncwatch.platform.shell.PageHeader;
import io.syncwatch.platform.shell.SectionTabs;
import jakarta.annotation.security.RolesAllowed;

/**
 * The Platforms tab: every integration of the account with its health, at a glance — the table
 * (or, with no integration at all, a way to connect the first), kept live by the account's health
 * updates (server push), with the statuses explained and the support notifications below.
 */
@Route(ConsoleRoutes.PLATFORMS)
@PageTitle("Platforms · Syncwatch")
@Menu(title = "Conversations › Integrations", order = 10)
@RolesAllowed(Permission.Names.MANAGE_INTEGRATIONS)
public class PlatformsView extends VerticalLayout {

    private final HealthQueries queries;
    private final HealthUpdates updates;
    private final CurrentUser currentUser;
    private final PlatformCells cells;
    private final PlatformsTable table;
    private final Div content = new Div();
    private final Component empty;
    private HealthUpdates.@Nullable Subscription subscription;

    public PlatformsView(CurrentUser currentUser, HealthQueries queries, BulkActions bulk, HealthUpdates updates,
            ObjectProvider<SourcePlatformCatalog> catalogs) {
        this.currentUser = currentUser;
        this.queries = queries;
        this.updates = updates;
        this.cells = new PlatformCells(queries, new PlatformNames(catalogs), DateTimes.forViewer(UI.getCurrent()));
        addClassName("sw-page");
        add(header(), new SectionTabs(currentUser, ConsoleRoutes.PLATFORMS,
                new SectionTabs.Section("Platforms", ConsoleRoutes.PLATFORMS, Permission.MANAGE_INTEGRATIONS),
                new SectionTabs.Section("Imported contacts & filters", ConsoleRoutes.CONTACTS,
                        Permission.VIEW_IMPORTED_CONTACTS)));

        var connect = connectButton();
        connect.addThemeVariants(ButtonVariant.PRIMARY);
        connect.setId("health-connect");
        empty = new EmptyState(VaadinIcon.CONNECT, "No integrations yet",
                "Connect a platform to start importing conversations; its health will show here.", connect);

        table = new PlatformsTable(queries, bulk, cells);
        NarrowScreen.follow(this, table.grid::narrow);
        content.setWidthFull();
        add(content, PlatformsNotes.help(), PlatformsNotes.notifications(queries, cells.timestamps()));
        setSizeFull();
        refreshContent();
    }

    /** The page's title with its links: the weekly digest (when the alerts module is there), deleted integrations, connect. */
    private static PageHeader header() {
        var headerActions = new ArrayList<Component>();
        RouteConfiguration.forApplicationScope().getRoute(ConsoleRoutes.WEEKLY_DIGEST).ifPresent(digest -> {
            var digestLink = new RouterLink("Weekly digest & alert routing", digest);
            digestLink.setId("health-digest-link");
            headerActions.add(digestLink);
        });
        // the integrations module's read-only pages of deleted integrations (their audit trail)
        var deletedLink = new Anchor(ConsoleRoutes.DELETED_INTEGRATIONS, "Deleted integrations");
        deletedLink.setId("health-deleted-link");
        var connectAnother = connectButton();
        connectAnother.setId("health-connect-header");
        headerActions.add(deletedLink);
        headerActions.add(connectAnother);
        return new PageHeader("Integrations", "Is each integration running, and is data flowing?",
                headerActions.toArray(Component[]::new));
    }

    private static Button connectButton() {
        return new Button("Connect integration", VaadinIcon.PLUS.create(),
                e -> e.getSource().getUI().ifPresent(u -> u.navigate(ConsoleRoutes.CONNECT_INTEGRATION)));
    }

    /** Shows the table, or the empty state when the account has no integration at all. */
    void refreshContent() {
        boolean none = queries.count(new HealthFilter(Set.of(), "", true)) == 0;
        content.removeAll();
        content.add(none ? empty : table);
        if (!none) {
            table.grid.getDataProvider().refreshAll();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        cells.useTimes(DateTimes.forViewer(ui));
        ui.getPage().retrieveExtendedClientDetails(details -> {
            // the first page of a session may render before the browser reported its zone
            cells.useTimes(DateTimes.forViewer(ui));
            table.grid.getDataProvider().refreshAll();
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
}
