package io.syncwatch.platform.adapter.in.ui;

import java.util.EnumSet;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.application.port.in.AccountAdministration;
import io.syncwatch.platform.application.port.in.AccountAdministration.NewUser;
import io.syncwatch.platform.domain.User;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;

/** Account › Users: who can sign in to this account and with which permissions. */
@Route("account/users")
@PageTitle("Users · Syncwatch")
@Menu(title = "Account › Users", order = 90, icon = "vaadin:users")
@RolesAllowed(Permission.Names.ACCOUNT_ADMIN)
public class UsersView extends VerticalLayout {

    private final AccountAdministration administration;
    private final CurrentUser currentUser;
    final Grid<User> grid = new Grid<>();

    public UsersView(AccountAdministration administration, CurrentUser currentUser) {
        this.administration = administration;
        this.currentUser = currentUser;
        addClassName("sw-page");
        var add = new Button("Add user", VaadinIcon.PLUS.create(), e -> openAddDialog());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-user");
        add(new PageHeader("Users", "People who can sign in to this account, and what each may do.", add));

        grid.addColumn(User::email).setHeader("E-mail").setSortable(true).setAutoWidth(true);
        grid.addColumn(User::displayName).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(u -> u.permissions().stream().map(Permission::label).sorted().reduce((a, b) -> a + ", " + b)
                .orElse("—")).setHeader("Permissions").setFlexGrow(1);
        grid.addColumn(u -> u.enabled() ? "Active" : "Disabled").setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(u -> new Button("Edit", e -> openEditDialog(u))).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT); // every permission readable
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(administration.users(currentUser.accountId()));
    }

    private CheckboxGroup<Permission> permissionPicker(Set<Permission> selected) {
        var picker = new CheckboxGroup<Permission>("Permissions");
        picker.setItems(EnumSet.allOf(Permission.class));
        picker.setItemLabelGenerator(p -> p.label() + " — " + p.description());
        picker.setValue(selected);
        return picker;
    }

    private void openAddDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Add user");
        var email = new EmailField("E-mail");
        email.setRequired(true);
        var name = new TextField("Name");
        name.setRequired(true);
        name.setMaxLength(120);
        var password = new PasswordField("Initial password");
        password.setHelperText("At least 8 characters");
        var permissions = permissionPicker(Set.of());
        dialog.add(new FormLayout(email, name, password, permissions));
        var save = new Button("Add user", e -> {
            try {
                administration.addUser(currentUser.accountId(),
                        new NewUser(email.getValue(), name.getValue(), password.getValue(), permissions.getValue()));
                dialog.close();
                refresh();
                Notification.show("User added").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException ex) {
                email.setErrorMessage(ex.getMessage());
                email.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void openEditDialog(User user) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(user.email());
        var permissions = permissionPicker(user.permissions());
        dialog.add(permissions);
        var toggle = new Button(user.enabled() ? "Disable user" : "Enable user", e -> {
            administration.setEnabled(currentUser.accountId(), user.id(), !user.enabled());
            dialog.close();
            refresh();
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        var save = new Button("Save", e -> {
            administration.changePermissions(currentUser.accountId(), user.id(), permissions.getValue());
            dialog.close();
            refresh();
            Notification.show("Permissions saved; they apply at the user's next sign-in");
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(toggle, new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
