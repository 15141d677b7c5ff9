package io.syncwatch.integrations.adapter.in.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.InvalidIntegrationInput;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.domain.IntegrationNames;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An integration's Edit dialog: name, schedule and environment. The form's rules and then the use
 * case's refusals are shown on the field they name; nothing is saved while one stands.
 */
class EditIntegrationDialog extends Dialog {

    /** {@code saved} receives the integration as saved (the dialog closes). */
    EditIntegrationDialog(IntegrationManagement integrations, IntegrationSnapshot integration,
            Consumer<IntegrationSnapshot> saved) {
        setHeaderTitle("Edit " + integration.name());
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
                saved.accept(integrations.edit(integration.id(), form.name(), form.schedule(), form.environment()));
                close();
            } catch (InvalidIntegrationInput ex) {
                Forms.showRefusal(binder, ex.problems());
            }
        }));
        save.setId("edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new VerticalLayout(name, schedule, environment));
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    /** The Edit dialog's fields, with the use case's words for what each must be. */
    public record SettingsForm(
            @NotBlank(message = IntegrationNames.REQUIRED) @Size(max = IntegrationNames.MAX_LENGTH, message = IntegrationNames.TOO_LONG) String name,
            @NotNull(message = "Choose a schedule") Schedule schedule,
            @NotNull(message = "Choose an environment") Environment environment) {
    }
}
