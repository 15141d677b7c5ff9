package io.syncwatch.platform.adapter.in.ui;

import com.vaadin.flow.data.binder.Binder;
import io.syncwatch.platform.PlatformRefusal.InvalidAccountInput;
import io.syncwatch.platform.domain.PasswordRules;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
import io.syncwatch.platform.application.port.in.SignInThrottling;
import io.syncwatch.platform.domain.SignInEvent;
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
    private final SignInThrottling throttling;
    private final CurrentUser currentUser;
    final Grid<User> grid = new Grid<>();
    final Grid<SignInEvent> signIns = new Grid<>();

    public UsersView(AccountAdministration administration, SignInThrottling throttling, CurrentUser currentUser) {
        this.administration = administration;
        this.throttling = throttling;
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
        grid.addColumn(this::status).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(u -> new Button("Edit", e -> openEditDialog(u))).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT); // every permission readable
        add(grid);

        var recent = new H2("Recent sign-ins");
        var times = io.syncwatch.platform.shell.DateTimes.forViewer(com.vaadin.flow.component.UI.getCurrent());
        signIns.addColumn(e -> times.format(e.occurredAt(), java.time.Instant.now())).setHeader("Time").setAutoWidth(true);
        signIns.addColumn(SignInEvent::login).setHeader("User").setAutoWidth(true);
        signIns.addColumn(e -> e.result().label()).setHeader("Result").setAutoWidth(true);
        signIns.addColumn(SignInEvent::ip).setHeader("IP address").setFlexGrow(1);
        signIns.setId("recent-sign-ins");
        signIns.setAllRowsVisible(true);
        add(recent, new Paragraph("The latest 50 sign-in attempts of this account's users, newest first. "
                + "After 5 failed attempts a user is locked for 15 minutes; unlock them from Edit."), signIns);
        refresh();
    }

    private String status(User u) {
        if (!u.enabled()) {
            return "Disabled";
        }
        return throttling.lockedFor(currentUser.accountId(), u.id())
                .map(d -> "Locked (" + Math.max(1, (d.toSeconds() + 59) / 60) + " min)").orElse("Active");
    }

    private void refresh() {
        grid.setItems(administration.users(currentUser.accountId()));
        signIns.setItems(throttling.recentSignIns(currentUser.accountId()));
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
        email.setId("new-user-email");
        var name = new TextField("Name");
        name.setId("new-user-name");
        name.setMaxLength(120);
        var password = new PasswordField("Initial password");
        password.setId("new-user-password");
        password.setHelperText("At least 8 characters, not a common password");
        var permissions = permissionPicker(Set.of());
        Binder<NewUserForm> binder = Forms.binder(NewUserForm.class);
        binder.bind(email, "email");
        binder.bind(name, "name");
        binder.bind(password, "password");
        binder.bind(permissions, "permissions");
        binder.readRecord(new NewUserForm("", "", "", Set.of()));
        dialog.add(new FormLayout(email, name, password, permissions));
        var save = new Button("Add user", e -> Forms.record(binder).ifPresent(form -> {
            try {
                administration.addUser(currentUser.accountId(),
                        new NewUser(form.email(), form.name(), form.password(), form.permissions()));
                dialog.close();
                refresh();
                Notification.show("User added").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidAccountInput ex) {
                Forms.showRefusal(binder, ex);
            }
        }));
        save.setId("add-user-save");
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
        boolean locked = throttling.lockedFor(currentUser.accountId(), user.id()).isPresent();
        var unlock = new Button("Unlock sign-in", e -> {
            throttling.unlock(currentUser.accountId(), user.id());
            dialog.close();
            refresh();
            Notification.show(user.email() + " can sign in again").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        unlock.setEnabled(locked);
        unlock.setTooltipText(locked ? "Lift the lock after repeated failed sign-ins" : "Not locked");
        var newPassword = new PasswordField("New password");
        newPassword.setId("reset-password");
        newPassword.setHelperText("At least 8 characters, not a common password. Signs the user out everywhere.");
        Binder<PasswordForm> passwordBinder = Forms.binder(PasswordForm.class);
        passwordBinder.bind(newPassword, "password");
        var reset = new Button("Reset password", e -> Forms.record(passwordBinder).ifPresent(form -> {
            try {
                administration.resetPassword(currentUser.accountId(), user.id(), form.password());
                dialog.close();
                refresh();
                Notification.show("Password reset; " + user.email() + " is signed out everywhere")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidAccountInput ex) {
                Forms.showRefusal(passwordBinder, ex);
            }
        }));
        reset.setId("reset-password-save");
        var signOut = new Button("Sign out everywhere", e -> {
            administration.signOutEverywhere(currentUser.accountId(), user.id());
            dialog.close();
            Notification.show(user.email() + " is signed out of every session");
        });
        signOut.setEnabled(currentUser.userId().map(me -> !me.equals(user.id())).orElse(true));
        dialog.add(new FormLayout(newPassword, reset), new HorizontalLayout(unlock, signOut));
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

    /** Add user: what the account admin types, with the use case's words for what each must be. */
    public record NewUserForm(
            @NotBlank(message = "Enter a valid e-mail address") @Email(message = "Enter a valid e-mail address") @Size(max = 254, message = "Enter a valid e-mail address") String email,
            @NotBlank(message = "Name must be 1 to 120 characters") @Size(max = 120, message = "Name must be 1 to 120 characters") String name,
            @NotNull(message = PasswordForm.TOO_SHORT) @Size(min = PasswordRules.MIN_LENGTH, message = PasswordForm.TOO_SHORT) String password,
            Set<Permission> permissions) {
    }

    /** A new password; the use case adds the rules a form cannot check (common passwords, the e-mail address). */
    public record PasswordForm(
            @NotNull(message = TOO_SHORT) @Size(min = PasswordRules.MIN_LENGTH, message = TOO_SHORT) String password) {
        static final String TOO_SHORT = "Password must have at least " + PasswordRules.MIN_LENGTH + " characters";
    }
}
