package io.syncwatch.integrations.adapter.in.ui;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import io.syncwatch.integrations.IntegrationNotFound;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.InvalidIntegrationInput;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.ui.FiltersEditor;
import io.syncwatch.platform.ConsoleRoutes;

/**
 * An integration's import filters on its page: the editor and its Save filters button. Saved
 * through the use case; a refusal is shown in the editor, and an integration gone meanwhile leads
 * back to the Platforms tab.
 */
final class IntegrationFiltersForm {

    final FiltersEditor editor;
    final Button save = new Button("Save filters");

    /** The filters of {@code snapshot}; they are saved to the {@code current} integration, then passed to {@code show}. */
    IntegrationFiltersForm(IntegrationManagement integrations, IntegrationSnapshot snapshot, PlatformDescriptor platform,
            LocalDate today, Supplier<IntegrationSnapshot> current, Consumer<IntegrationSnapshot> show) {
        editor = new FiltersEditor(platform, snapshot.filters(), today);
        save.setId("save-filters");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> editor.value().ifPresent(value -> {
            try {
                show.accept(integrations.configureFilters(current.get().id(), value));
                Notification.show("Filters saved").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidIntegrationInput ex) {
                editor.showRefusal(ex.problems());
            } catch (IntegrationNotFound ex) {
                save.getUI().ifPresent(ui -> ui.navigate(ConsoleRoutes.PLATFORMS));
            }
        }));
    }
}
