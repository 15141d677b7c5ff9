package io.syncwatch.integrations.adapter.in.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.domain.AuditEntry;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.EmptyState;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;
import io.syncwatch.platform.ConsoleRoutes;

/**
 * The account's deleted integrations (linked from the Platforms tab): each opens its read-only
 * page with the audit trail, which the integration page keeps for deleted integrations.
 */
@Route(DeletedIntegrationsView.ROUTE)
@PageTitle("Deleted integrations · Syncwatch")
@RolesAllowed(Permission.Names.MANAGE_INTEGRATIONS)
public class DeletedIntegrationsView extends VerticalLayout {

    public static final String ROUTE = ConsoleRoutes.DELETED_INTEGRATIONS;

    record Row(IntegrationSnapshot integration, String platform, String deleted) {
    }

    final Grid<Row> grid = new Grid<>(Row.class, false);

    public DeletedIntegrationsView(IntegrationManagement integrations) {
        addClassName("sw-page");
        var back = new Anchor(ConsoleRoutes.PLATFORMS, "← Platforms");
        back.addClassName("sw-back");
        add(back, new PageHeader("Deleted integrations",
                "Kept read-only for their audit trail; the contacts they imported stay in Syncwatch."));
        List<IntegrationSnapshot> deleted = integrations.deleted();
        if (deleted.isEmpty()) {
            add(new EmptyState(VaadinIcon.TRASH, "No deleted integrations", "Integrations you delete are listed here."));
            return;
        }
        var platforms = integrations.platforms();
        var times = io.syncwatch.platform.shell.DateTimes.forViewer(com.vaadin.flow.component.UI.getCurrent());
        List<Row> rows = deleted.stream().map(i -> {
            List<AuditEntry> trail = integrations.auditTrail(i.id());
            String platform = platforms.stream().filter(p -> p.key().equals(i.platform())).findFirst()
                    .map(p -> p.displayName()).orElse(i.platform());
            return new Row(i, platform, AuditTrail.deletedNote(trail, times)
                    .replace(" Imported contacts are kept; this page is read-only.", ""));
        }).toList();
        grid.addComponentColumn(r -> new RouterLink(r.integration().name(), IntegrationView.class,
                IntegrationView.parameters(r.integration().id()))).setHeader("Integration").setAutoWidth(true);
        grid.addColumn(Row::platform).setHeader("Platform").setAutoWidth(true);
        grid.addColumn(Row::deleted).setHeader("Deleted").setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT); // "Deleted on … by …" in full
        grid.setId("deleted-integrations");
        grid.setItems(rows);
        add(grid);
    }
}
