package io.syncwatch.integrations.adapter.in.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.InvalidIntegrationInput;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;

/**
 * An integration's Reconnect dialog: its platform's credentials entered again, tested before they
 * are saved; a refusal is shown on the field it names, a failed test under the form.
 */
class ReconnectDialog extends Dialog {

    /** {@code saved} receives the integration with its new credentials (the dialog closes). */
    ReconnectDialog(IntegrationManagement integrations, IntegrationSnapshot integration, PlatformDescriptor platform,
            Consumer<IntegrationSnapshot> saved) {
        setHeaderTitle("Reconnect " + integration.name());
        CredentialsForm form = new CredentialsForm(platform);
        Span result = new Span("Enter the credentials again; they are tested before they are saved.");
        result.setId("reconnect-result");
        Button save = new Button("Test and save", e -> form.values().ifPresent(values -> {
            try {
                saved.accept(integrations.reconnect(integration.id(), values));
                close();
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
        add(form, result);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
