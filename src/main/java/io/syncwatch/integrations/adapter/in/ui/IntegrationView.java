package io.syncwatch.integrations.adapter.in.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.domain.AuditEntry;
import io.syncwatch.integrations.ui.IntegrationPageSection;
import io.syncwatch.platform.ConsoleRoutes;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.DateTimes;
import io.syncwatch.platform.shell.EmptyState;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;

/**
 * One integration's page, put together and kept live: header, lifecycle badge, actions
 * ({@link IntegrationActions}), other modules' blocks ({@link IntegrationPageSection} beans),
 * filters editor and audit trail. An id of another account shows the same "not found" as an id
 * that does not exist. A deleted integration shows read-only: when and by whom it was deleted, and
 * its audit trail.
 */
@Route(ConsoleRoutes.INTEGRATION)
@RolesAllowed(Permission.Names.MANAGE_INTEGRATIONS)
public class IntegrationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final IntegrationManagement integrations;
    private final ObjectProvider<IntegrationPageSection> sections;
    private final Clock clock;
    private final CurrentUser currentUser;
    private String title = "Integration · Syncwatch";
    private IntegrationSnapshot integration;
    private final AuditTrail audit;
    private Component badgesRow;
    private Component actionsRow;
    private PageHeader header;
    /** The other modules' sections as rendered, in order (replaced or updated in place when live). */
    private final List<Map.Entry<IntegrationPageSection, Component>> rendered = new ArrayList<>();
    private final List<IntegrationPageSection.Watch> watches = new ArrayList<>();

    public IntegrationView(IntegrationManagement integrations, ObjectProvider<IntegrationPageSection> sections,
            Clock clock, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.integrations = integrations;
        this.sections = sections;
        this.clock = clock;
        this.audit = new AuditTrail(clock);
        addClassName("sw-page");
    }

    public static RouteParameters parameters(IntegrationId id) {
        return new RouteParameters("integrationId", id.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<IntegrationSnapshot> found = event.getRouteParameters().getLong("integrationId")
                .flatMap(id -> integrations.find(IntegrationId.of(id)));
        if (found.isPresent() && found.get().lifecycle() == Lifecycle.DELETED) {
            showDeleted(found.get());
            return;
        }
        if (found.isEmpty()) {
            title = "Integration not found · Syncwatch";
            removeAll();
            add(new EmptyState(VaadinIcon.SEARCH, "Integration not found",
                    "There is no integration with this address in your account. It may have been deleted."),
                    new Anchor(ConsoleRoutes.PLATFORMS, "Back to Platforms"));
            return;
        }
        show(found.get());
        if (event.getLocation().getQueryParameters().getParameters().containsKey("reconnect")) {
            new ReconnectDialog(integrations, integration, platformOf(integration), this::show).open();
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(IntegrationSnapshot snapshot) {
        this.integration = snapshot;
        title = snapshot.name() + " · Syncwatch";
        getElement().setAttribute("data-integration-id", snapshot.id().toString());
        removeAll();
        PlatformDescriptor platform = platformOf(snapshot);
        var back = new Anchor(ConsoleRoutes.PLATFORMS, "← Platforms");
        back.addClassName("sw-back");
        header = header(snapshot, platform);
        badgesRow = LifecycleBadge.row(snapshot);
        actionsRow = actions(snapshot, platform);
        add(back, header, badgesRow, actionsRow);
        rendered.clear();
        sections.orderedStream().sorted(Comparator.comparingInt(IntegrationPageSection::order)).forEach(section -> {
            var component = section.render(snapshot);
            rendered.add(new AbstractMap.SimpleEntry<>(section, component));
            add(component);
        });
        var filters = new IntegrationFiltersForm(integrations, snapshot, platform, LocalDate.now(clock), this::current,
                this::show);
        add(filters.editor, filters.save);
        add(new H3("Audit trail"));
        audit.show(integrations.auditTrail(snapshot.id()));
        add(audit);
        getUI().ifPresent(this::watch);
    }

    private IntegrationSnapshot current() {
        return integration;
    }

    private IntegrationActions actions(IntegrationSnapshot snapshot, PlatformDescriptor platform) {
        return new IntegrationActions(integrations, snapshot, platform, this::current, this::show);
    }

    private static PageHeader header(IntegrationSnapshot snapshot, PlatformDescriptor platform) {
        return new PageHeader(snapshot.name(), platform.displayName() + " · " + snapshot.environment().label() + " · "
                + snapshot.schedule().label());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        watch(event.getUI());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unwatch();
        super.onDetach(event);
    }

    /** Asks every section to report changes of the shown integration (server push, no reload). */
    private void watch(UI ui) {
        unwatch();
        if (integration == null || integration.lifecycle() == Lifecycle.DELETED) {
            return;
        }
        IntegrationSnapshot watched = integration;
        for (var entry : rendered) {
            watches.add(entry.getKey().watch(watched, () -> ui.access(this::refreshLive)));
        }
    }

    private void unwatch() {
        watches.forEach(IntegrationPageSection.Watch::close);
        watches.clear();
    }

    /**
     * The integration changed (here, in another browser or on another instance): reads it again
     * and updates the header, badges, actions, status and run history in place. The filters
     * editor keeps what the user is typing; sections that are {@link IntegrationPageSection.Live}
     * keep their fields and the run they follow.
     */
    void refreshLive() {
        if (integration == null || integration.lifecycle() == Lifecycle.DELETED || !currentUser.isAuthenticated()) {
            return; // (signed out meanwhile: nothing to show; the next navigation asks to sign in)
        }
        Optional<IntegrationSnapshot> found = integrations.find(integration.id());
        if (found.isEmpty()) {
            return;
        }
        IntegrationSnapshot snapshot = found.get();
        if (snapshot.lifecycle() == Lifecycle.DELETED) {
            unwatch();
            showDeleted(snapshot);
            return;
        }
        this.integration = snapshot;
        title = snapshot.name() + " · Syncwatch";
        PlatformDescriptor platform = platformOf(snapshot);
        PageHeader newHeader = header(snapshot, platform);
        replace(header, newHeader);
        header = newHeader;
        var newBadges = LifecycleBadge.row(snapshot);
        replace(badgesRow, newBadges);
        badgesRow = newBadges;
        var newActions = actions(snapshot, platform);
        replace(actionsRow, newActions);
        actionsRow = newActions;
        for (var entry : rendered) {
            if (entry.getValue() instanceof IntegrationPageSection.Live live) {
                live.integrationChanged(snapshot);
            } else {
                var again = entry.getKey().render(snapshot);
                replace(entry.getValue(), again);
                entry.setValue(again);
            }
        }
        audit.setItems(integrations.auditTrail(snapshot.id()));
    }

    /**
     * A deleted integration, read-only: that it is deleted, when and by whom, and its audit trail;
     * no actions, no sections, no filters editor.
     */
    private void showDeleted(IntegrationSnapshot snapshot) {
        this.integration = snapshot;
        unwatch();
        rendered.clear();
        title = snapshot.name() + " (deleted) · Syncwatch";
        getElement().setAttribute("data-integration-id", snapshot.id().toString());
        removeAll();
        var back = new Anchor(DeletedIntegrationsView.ROUTE, "← Deleted integrations");
        back.addClassName("sw-back");
        PlatformDescriptor platform = platformOf(snapshot);
        add(back, new PageHeader(snapshot.name(), platform.displayName() + " · " + snapshot.environment().label()),
                LifecycleBadge.row(snapshot));
        List<AuditEntry> trail = integrations.auditTrail(snapshot.id());
        Span note = new Span(AuditTrail.deletedNote(trail, DateTimes.forViewer(UI.getCurrent())));
        note.setId("deleted-note");
        add(note);
        add(new H3("Audit trail"));
        audit.show(trail);
        add(audit);
    }

    private PlatformDescriptor platformOf(IntegrationSnapshot snapshot) {
        return integrations.platforms().stream().filter(p -> p.key().equals(snapshot.platform())).findFirst()
                .orElse(new PlatformDescriptor(snapshot.platform(), snapshot.platform(), "", List.of(), false, "Reference",
                        Set.of(), List.of(), Set.of()));
    }
}
