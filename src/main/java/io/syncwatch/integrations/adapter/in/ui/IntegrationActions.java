package io.syncwatch.integrations.adapter.in.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.ReconnectRequired;
import io.syncwatch.integrations.ResumeRefused;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.SupportReEnableRequired;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.platform.ConsoleRoutes;

/**
 * An integration's actions row: Reconnect, Edit, Pause/Resume (Reactivate after inactivity,
 * Re-enable after quality assurance) and Delete. A hold for invalid credentials offers Reconnect
 * instead of Resume; a quality-assurance hold shows Re-enable only to Syncwatch support staff and
 * tells customers who re-enables it (spec 002, decision 0008).
 */
class IntegrationActions extends HorizontalLayout {

    final Button pauseResume;
    private final IntegrationManagement integrations;
    private final Supplier<IntegrationSnapshot> current;
    private final Consumer<IntegrationSnapshot> show;

    /**
     * The actions for {@code s}; they act on the {@code current} integration and pass it, as it is
     * afterwards, to {@code show}.
     */
    IntegrationActions(IntegrationManagement integrations, IntegrationSnapshot s, PlatformDescriptor platform,
            Supplier<IntegrationSnapshot> current, Consumer<IntegrationSnapshot> show) {
        this.integrations = integrations;
        this.current = current;
        this.show = show;
        Button reconnect = new Button("Reconnect", VaadinIcon.KEY.create(),
                e -> new ReconnectDialog(integrations, current.get(), platform, show).open());
        reconnect.setId("reconnect");
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(),
                e -> new EditIntegrationDialog(integrations, current.get(), show).open());
        edit.setId("edit");
        boolean paused = s.lifecycle() == Lifecycle.PAUSED;
        pauseResume = new Button(paused ? (s.pauseReason() == PauseReason.DEVELOPMENT_INACTIVITY ? "Reactivate"
                : s.pauseReason() == PauseReason.QUALITY_ASSURANCE ? "Re-enable" : "Resume") : "Pause",
                (paused ? VaadinIcon.PLAY : VaadinIcon.PAUSE).create(), e -> togglePause());
        pauseResume.setId("pause-resume");
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete());
        delete.setId("delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(reconnect, edit, pauseResume, delete);
        if (s.heldForQualityAssurance()) {
            // spec 002: Syncwatch's engineering team re-enables it, not the customer (decision 0008)
            if (integrations.mayReEnableAfterQualityAssurance()) {
                pauseResume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                pauseResume.setTooltipText("Syncwatch support: re-enable once the issue is resolved");
            } else {
                pauseResume.setVisible(false);
                add(hint("quality-assurance-hint", SupportReEnableRequired.MESSAGE + "."));
            }
        }
        if (s.requiresReconnect()) {
            // held for invalid credentials: Resume cannot end the hold, Reconnect is the way out
            pauseResume.setVisible(false);
            reconnect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(hint("reconnect-hint", ReconnectRequired.MESSAGE + "."));
        }
        addClassName("sw-actions");
    }

    private static Span hint(String id, String text) {
        Span hint = new Span(text);
        hint.setId(id);
        hint.addClassName("sw-reconnect-hint");
        return hint;
    }

    void togglePause() {
        IntegrationSnapshot integration = current.get();
        try {
            show.accept(integration.lifecycle() == Lifecycle.PAUSED
                    ? integrations.resume(integration.id())
                    : integrations.pause(integration.id()));
        } catch (ResumeRefused e) {
            // the page was opened before the hold arrived: say why, and show the way out (or who acts)
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
            show.accept(integrations.get(integration.id()));
        }
    }

    ConfirmDialog confirmDelete() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Delete '" + current.get().name() + "'?");
        dialog.setText("The integration stops for good and disappears from the Platforms tab. "
                + "Contacts it already imported stay in Syncwatch. It is kept as Deleted for the audit trail.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Delete integration");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            IntegrationSnapshot integration = current.get();
            integrations.delete(integration.id());
            Notification.show("'" + integration.name() + "' was deleted; its imported contacts stay.")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            // (this row may have been replaced meanwhile by a live update: the dialog's UI navigates)
            dialog.getUI().or(this::getUI).ifPresent(ui -> ui.navigate(ConsoleRoutes.PLATFORMS));
        });
        dialog.open();
        return dialog;
    }
}
