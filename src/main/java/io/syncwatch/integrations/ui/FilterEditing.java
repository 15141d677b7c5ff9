package io.syncwatch.integrations.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.IntegrationNotFound;
import io.syncwatch.integrations.InvalidIntegrationInput;
import io.syncwatch.platform.Permission;
import jakarta.annotation.security.RolesAllowed;

/**
 * Edits one integration's filters in a dialog, from any screen (the Imported contacts &amp; filters
 * tab uses it): the same editor, validation and audit trail as the integration page. Only
 * customer admins ({@code MANAGE_INTEGRATIONS}) get a dialog; the integration must be the
 * signed-in account's.
 */
@Component
public class FilterEditing {

    private final IntegrationManagement integrations;
    private final Clock clock;

    FilterEditing(IntegrationManagement integrations, Clock clock) {
        this.integrations = integrations;
        this.clock = clock;
    }

    /**
     * A dialog (not yet open) editing the integration's filters; {@code onSaved} gets the saved
     * integration after a successful save, which also closes the dialog.
     *
     * @throws IntegrationNotFound when the integration is not the signed-in account's
     */
    @RolesAllowed(Permission.Names.MANAGE_INTEGRATIONS)
    public Dialog dialog(IntegrationId id, Consumer<IntegrationSnapshot> onSaved) {
        IntegrationSnapshot integration = integrations.find(id).orElseThrow(() -> new IntegrationNotFound(id));
        PlatformDescriptor platform = integrations.platforms().stream().filter(p -> p.key().equals(integration.platform()))
                .findFirst().orElseThrow(() -> new IllegalStateException("Unknown platform " + integration.platform()));
        FiltersEditor editor = new FiltersEditor(platform, integration.filters(), LocalDate.now(clock));
        Dialog dialog = new Dialog();
        dialog.setId("filters-dialog");
        dialog.setHeaderTitle("Filters of " + integration.name());
        dialog.setWidth("min(56rem, 95vw)");
        dialog.add(editor);
        Button save = new Button("Save filters");
        save.setId("filters-dialog-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> editor.value().ifPresent(filters -> {
            try {
                IntegrationSnapshot saved = integrations.configureFilters(id, filters);
                dialog.close();
                Notification.show("Filters of " + saved.name() + " saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onSaved.accept(saved);
            } catch (InvalidIntegrationInput problems) {
                editor.showRefusal(problems.problems());
            }
        }));
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("filters-dialog-cancel");
        dialog.getFooter().add(cancel, save);
        return dialog;
    }
}
