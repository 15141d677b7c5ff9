package io.syncwatch.integrations.adapter.in.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.ui.IntegrationPageSection;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.ReconnectRequired;
import io.syncwatch.integrations.ResumeRefused;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.SupportReEnableRequired;
import io.syncwatch.integrations.ui.FiltersEditor;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.IntegrationNotFound;
import io.syncwatch.integrations.InvalidIntegrationInput;
import io.syncwatch.integrations.domain.AuditEntry;
import io.syncwatch.integrations.domain.IntegrationNames;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.DateTimes;
import io.syncwatch.platform.shell.EmptyState;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;
import io.syncwatch.platform.ConsoleRoutes;

/**
 * One integration: header, status area and other modules' blocks ({@link IntegrationPageSection}
 * beans), actions (Reconnect, Edit, Pause/Resume, Delete), filters editor and audit trail. An
 * integration stopped for quality assurance shows Re-enable only to Syncwatch support staff;
 * customers read who re-enables it instead (spec 002, decision 0008). An id
 * of another account shows the same "not found" as an id that does not exist. A deleted
 * integration shows read-only: when and by whom it was deleted, and its audit trail.
 */
@Route(ConsoleRoutes.INTEGRATION)
@RolesAllowed(Permission.Names.MANAGE_INTEGRATIONS)
public class IntegrationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {


    private final IntegrationManagement integrations;
    private final ObjectProvider<IntegrationPageSection> sections;
    private final Clock clock;
    private final io.syncwatch.platform.CurrentUser currentUser;
    private String title = "Integration · Syncwatch";
    IntegrationSnapshot integration;
    FiltersEditor filters;
    final Grid<AuditEntry> audit = new Grid<>(AuditEntry.class, false);
    Button pauseResume;
    private com.vaadin.flow.component.Component badgesRow;
    private com.vaadin.flow.component.Component actionsRow;
    private PageHeader header;
    /** The other modules' sections as rendered, in order (replaced or updated in place when live). */
    private final List<java.util.Map.Entry<IntegrationPageSection, com.vaadin.flow.component.Component>> rendered =
            new java.util.ArrayList<>();
    private final List<IntegrationPageSection.Watch> watches = new java.util.ArrayList<>();

    public IntegrationView(IntegrationManagement integrations, ObjectProvider<IntegrationPageSection> sections,
            Clock clock, io.syncwatch.platform.CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.integrations = integrations;
        this.sections = sections;
        this.clock = clock;
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
                    new com.vaadin.flow.component.html.Anchor(ConsoleRoutes.PLATFORMS, "Back to Platforms"));
            return;
        }
        show(found.get());
        if (event.getLocation().getQueryParameters().getParameters().containsKey("reconnect")) {
            openReconnect();
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
        var back = new com.vaadin.flow.component.html.Anchor(ConsoleRoutes.PLATFORMS, "← Platforms");
        back.addClassName("sw-back");
        header = header(snapshot, platform);
        badgesRow = badges(snapshot);
        actionsRow = actions(snapshot);
        add(back, header, badgesRow, actionsRow);
        rendered.clear();
        sections.orderedStream().sorted(Comparator.comparingInt(IntegrationPageSection::order)).forEach(section -> {
            var component = section.render(snapshot);
            rendered.add(new java.util.AbstractMap.SimpleEntry<>(section, component));
            add(component);
        });
        filters = new FiltersEditor(platform, snapshot.filters(), LocalDate.now(clock));
        Button saveFilters = new Button("Save filters", e -> saveFilters());
        saveFilters.setId("save-filters");
        saveFilters.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(filters, saveFilters);
        add(new H3("Audit trail"));
        auditGrid(integrations.auditTrail(snapshot.id()));
        add(audit);
        getUI().ifPresent(this::watch);
    }

    private static PageHeader header(IntegrationSnapshot snapshot, PlatformDescriptor platform) {
        return new PageHeader(snapshot.name(), platform.displayName() + " · " + snapshot.environment().label() + " · "
                + snapshot.schedule().label());
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        watch(event.getUI());
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        unwatch();
        super.onDetach(event);
    }

    /** Asks every section to report changes of the shown integration (server push, no reload). */
    private void watch(com.vaadin.flow.component.UI ui) {
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
        PageHeader newHeader = header(snapshot, platformOf(snapshot));
        replace(header, newHeader);
        header = newHeader;
        var newBadges = badges(snapshot);
        replace(badgesRow, newBadges);
        badgesRow = newBadges;
        var newActions = actions(snapshot);
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
        var back = new com.vaadin.flow.component.html.Anchor(DeletedIntegrationsView.ROUTE, "← Deleted integrations");
        back.addClassName("sw-back");
        PlatformDescriptor platform = platformOf(snapshot);
        add(back, new PageHeader(snapshot.name(), platform.displayName() + " · " + snapshot.environment().label()),
                badges(snapshot));
        List<AuditEntry> trail = integrations.auditTrail(snapshot.id());
        Span note = new Span(deletedNote(trail, DateTimes.forViewer(UI.getCurrent())));
        note.setId("deleted-note");
        add(note);
        add(new H3("Audit trail"));
        auditGrid(trail);
        add(audit);
    }

    /** "Deleted on Nov 23, 2026 8:00 AM by Ada. Imported contacts are kept; this page is read-only." */
    static String deletedNote(List<AuditEntry> trail, DateTimes times) {
        return trail.stream().filter(a -> a.action().equals("Deleted")).findFirst()
                .map(a -> "Deleted on " + times.absolute(a.at()) + " by " + a.actor() + ". ")
                .orElse("Deleted. ") + "Imported contacts are kept; this page is read-only.";
    }

    private void auditGrid(List<AuditEntry> trail) {
        var times = DateTimes.forViewer(UI.getCurrent());
        audit.removeAllColumns();
        audit.addColumn(a -> times.format(a.at(), clock.instant())).setHeader("When").setAutoWidth(true);
        audit.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
        audit.addColumn(AuditEntry::action).setHeader("What").setAutoWidth(true);
        audit.addColumn(AuditEntry::detail).setHeader("Detail").setFlexGrow(1);
        audit.setAllRowsVisible(true);
        audit.setId("audit-trail");
        audit.setItems(trail);
    }

    private PlatformDescriptor platformOf(IntegrationSnapshot snapshot) {
        return integrations.platforms().stream().filter(p -> p.key().equals(snapshot.platform())).findFirst()
                .orElse(new PlatformDescriptor(snapshot.platform(), snapshot.platform(), "", List.of(), false, "Reference",
                        java.util.Set.of(), List.of(), java.util.Set.of()));
    }

    private HorizontalLayout badges(IntegrationSnapshot s) {
        // (replaced in place when the integration changes: see refreshLive)
        Span lifecycle = new Span(switch (s.lifecycle()) {
            case SETUP -> "Setup: configure filters to start importing";
            // the schedule, not a health claim: the status card below says how the runs went
            case ACTIVE -> "Scheduled: " + s.schedule().label().toLowerCase(java.util.Locale.ROOT);
            case PAUSED -> pauseLabel(s.pauseReason()) + (s.pauseDetail() == null ? "" : " — " + s.pauseDetail());
            case DELETED -> "Deleted";
        });
        lifecycle.setId("lifecycle");
        lifecycle.getElement().getThemeList().add(s.lifecycle() == Lifecycle.PAUSED ? "badge contrast" : "badge");
        return new HorizontalLayout(lifecycle);
    }

    static String pauseLabel(PauseReason reason) {
        if (reason == null) {
            return "Paused";
        }
        return switch (reason) {
            case MANUAL -> "Paused";
            case DEVELOPMENT_INACTIVITY -> "Inactive";
            case CREDENTIALS_INVALID -> "Paused until new credentials are entered (Reconnect)";
            case QUALITY_ASSURANCE -> "Stopped for quality assurance";
        };
    }

    private HorizontalLayout actions(IntegrationSnapshot s) {
        Button reconnect = new Button("Reconnect", VaadinIcon.KEY.create(), e -> openReconnect());
        reconnect.setId("reconnect");
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> openEdit());
        edit.setId("edit");
        boolean paused = s.lifecycle() == Lifecycle.PAUSED;
        pauseResume = new Button(paused ? (s.pauseReason() == PauseReason.DEVELOPMENT_INACTIVITY ? "Reactivate"
                : s.pauseReason() == PauseReason.QUALITY_ASSURANCE ? "Re-enable" : "Resume") : "Pause",
                (paused ? VaadinIcon.PLAY : VaadinIcon.PAUSE).create(), e -> togglePause());
        pauseResume.setId("pause-resume");
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete());
        delete.setId("delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(reconnect, edit, pauseResume, delete);
        if (s.heldForQualityAssurance()) {
            // spec 002: Syncwatch's engineering team re-enables it, not the customer (decision 0008)
            if (integrations.mayReEnableAfterQualityAssurance()) {
                pauseResume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                pauseResume.setTooltipText("Syncwatch support: re-enable once the issue is resolved");
            } else {
                pauseResume.setVisible(false);
                Span hint = new Span(SupportReEnableRequired.MESSAGE + ".");
                hint.setId("quality-assurance-hint");
                hint.addClassName("sw-reconnect-hint");
                actions.add(hint);
            }
        }
        if (s.requiresReconnect()) {
            // held for invalid credentials: Resume cannot end the hold, Reconnect is the way out
            pauseResume.setVisible(false);
            reconnect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Span hint = new Span(ReconnectRequired.MESSAGE + ".");
            hint.setId("reconnect-hint");
            hint.addClassName("sw-reconnect-hint");
            actions.add(hint);
        }
        actions.addClassName("sw-actions");
        return actions;
    }

    void togglePause() {
        try {
            IntegrationSnapshot updated = integration.lifecycle() == Lifecycle.PAUSED
                    ? integrations.resume(integration.id())
                    : integrations.pause(integration.id());
            show(updated);
        } catch (ResumeRefused e) {
            // the page was opened before the hold arrived: say why, and show the way out (or who acts)
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            show(integrations.get(integration.id()));
        }
    }

    ConfirmDialog confirmDelete() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Delete '" + integration.name() + "'?");
        dialog.setText("The integration stops for good and disappears from the Platforms tab. "
                + "Contacts it already imported stay in Syncwatch. It is kept as Deleted for the audit trail.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Delete integration");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            integrations.delete(integration.id());
            Notification.show("'" + integration.name() + "' was deleted; its imported contacts stay.")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(ConsoleRoutes.PLATFORMS));
        });
        dialog.open();
        return dialog;
    }

    Dialog openEdit() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Edit " + integration.name());
        TextField name = new TextField("Name");
        name.setId("edit-name");
        name.setMaxLength(IntegrationNames.MAX_LENGTH);
        Select<Schedule> schedule = new Select<>();
        schedule.setLabel("Schedule");
        schedule.setItems(Schedule.values());
        schedule.setItemLabelGenerator(Schedule::label);
        RadioButtonGroup<Environment> environment = new RadioButtonGroup<>("Environment");
        environment.setItems(Environment.values());
        environment.setItemLabelGenerator(Environment::label);
        Binder<SettingsForm> binder = Forms.binder(SettingsForm.class);
        binder.bind(name, "name");
        binder.bind(schedule, "schedule");
        binder.bind(environment, "environment");
        binder.readRecord(new SettingsForm(integration.name(), integration.schedule(), integration.environment()));
        Button save = new Button("Save", e -> Forms.record(binder).ifPresent(form -> {
            try {
                show(integrations.edit(integration.id(), form.name(), form.schedule(), form.environment()));
                dialog.close();
            } catch (InvalidIntegrationInput ex) {
                Forms.showRefusal(binder, ex);
            }
        }));
        save.setId("edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, schedule, environment));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        return dialog;
    }

    Dialog openReconnect() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reconnect " + integration.name());
        CredentialsForm form = new CredentialsForm(platformOf(integration));
        Span result = new Span("Enter the credentials again; they are tested before they are saved.");
        result.setId("reconnect-result");
        Button save = new Button("Test and save", e -> form.values().ifPresent(values -> {
            try {
                show(integrations.reconnect(integration.id(), values));
                dialog.close();
                Notification.show("New credentials saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidIntegrationInput ex) {
                if (!form.showRefusal(ex.problems())) {
                    result.setText(ex.getMessage());
                    result.getElement().getThemeList().add("badge error");
                }
            }
        }));
        save.setId("reconnect-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form, result);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        return dialog;
    }

    void saveFilters() {
        filters.value().ifPresent(value -> {
            try {
                show(integrations.configureFilters(integration.id(), value));
                Notification.show("Filters saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidIntegrationInput e) {
                filters.showRefusal(e.problems());
            } catch (IntegrationNotFound e) {
                getUI().ifPresent(ui -> ui.navigate(ConsoleRoutes.PLATFORMS));
            }
        });
    }

    /** The Edit dialog's fields, with the use case's words for what each must be. */
    public record SettingsForm(
            @NotBlank(message = IntegrationNames.REQUIRED) @Size(max = IntegrationNames.MAX_LENGTH, message = IntegrationNames.TOO_LONG) String name,
            @NotNull(message = "Choose a schedule") Schedule schedule,
            @NotNull(message = "Choose an environment") Environment environment) {
    }
}
