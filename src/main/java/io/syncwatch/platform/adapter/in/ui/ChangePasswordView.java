package io.syncwatch.platform.adapter.in.ui;

import com.vaadin.flow.data.binder.Binder;
import io.syncwatch.platform.PlatformRefusal.InvalidAccountInput;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;

import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.application.port.in.OwnAccount;
import io.syncwatch.platform.domain.PasswordRules;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.PermitAll;

/** Account › Password: every signed-in user changes their own password. */
@Route("account/password")
@PageTitle("Password · Syncwatch")
@Menu(title = "Account › Password", order = 99, icon = "vaadin:password")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField next = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final Button change = new Button("Change password");
    private final Binder<ChangeForm> binder = Forms.binder(ChangeForm.class);

    public ChangePasswordView(OwnAccount own, CurrentUser currentUser) {
        addClassName("sw-page");
        add(new PageHeader("Password", "Change the password you sign in with."));
        next.setHelperText("At least " + PasswordRules.MIN_LENGTH
                + " characters; not one of the 10,000 most common passwords, nor your e-mail address");
        current.setId("current-password");
        next.setId("new-password");
        repeat.setId("repeat-password");
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        binder.bind(current, "currentPassword");
        binder.bind(next, "password");
        binder.forField(repeat).withValidator(Forms.rule(v -> next.getValue().equals(v) ? null : "The two new passwords differ"))
                .bind("repeat");
        binder.readRecord(new ChangeForm("", "", ""));
        change.addClickListener(e -> Forms.record(binder).ifPresent(form -> {
            try {
                own.changePassword(currentUser.accountId(), currentUser.userId().orElseThrow(), form.currentPassword(),
                        form.password(), clientAddress());
                binder.readRecord(new ChangeForm("", "", ""));
                Notification.show("Password changed").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidAccountInput ex) {
                Forms.showRefusal(binder, ex);
            }
        }));
        var form = new FormLayout(current, next, repeat);
        form.setMaxWidth("32rem");
        add(form, change);
    }

    /** The browser's address as the login form sees it (behind a proxy: the forwarded one). */
    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
    }

    /** The form: the new password's length here, the rest of the rules (and the current password) in the use case. */
    public record ChangeForm(@NotEmpty(message = "Enter your current password") String currentPassword,
            @NotNull(message = TOO_SHORT) @Size(min = PasswordRules.MIN_LENGTH, message = TOO_SHORT) String password,
            String repeat) {
        static final String TOO_SHORT = "Password must have at least " + PasswordRules.MIN_LENGTH + " characters";
    }
}
