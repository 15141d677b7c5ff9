package io.syncwatch.platform.adapter.in.ui;

import com.vaadin.flow.data.binder.Binder;
import io.syncwatch.platform.PlatformRefusal.InvalidAccountInput;
import io.syncwatch.platform.PlatformRefusal.SetupLinkRefused;
import io.syncwatch.platform.domain.PasswordRules;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import io.syncwatch.platform.application.port.in.FirstAdmin;
import io.syncwatch.platform.application.port.in.FirstAdmin.LinkState;

/**
 * Where the first admin sets their password through the one-time link printed to the log
 * ({@code /set-password/<secret>}). A used, expired or unknown link gets a page that says so and
 * what to do.
 */
@Route(value = "set-password/:token", autoLayout = false)
@PageTitle("Set your password · Syncwatch")
@AnonymousAllowed
public class SetPasswordView extends VerticalLayout implements BeforeEnterObserver {

    static final String USED = "This link has already been used";
    static final String EXPIRED = "This link has expired";
    static final String UNKNOWN = "This link is not valid";

    private final FirstAdmin firstAdmin;
    private final Div card = new Div();

    public SetPasswordView(FirstAdmin firstAdmin) {
        this.firstAdmin = firstAdmin;
        addClassName("sw-login");
        setSizeFull();
        setJustifyContentMode(JustifyContentMode.CENTER);
        setAlignItems(Alignment.CENTER);
        var brand = new Div();
        brand.addClassName("sw-login-brand");
        brand.setText("Syncwatch");
        card.setMaxWidth("26rem");
        add(brand, card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        switch (firstAdmin.inspect(token)) {
            case LinkState.Valid valid -> form(token, valid.email());
            case LinkState.Used used -> message(USED, "The password has been set with it already. Sign in with it; "
                    + "if you forgot it, an account admin resets it on Account › Users.");
            case LinkState.Expired expired -> message(EXPIRED, "Links are valid for 24 hours. Ask the operator for a new "
                    + "one (java -jar syncwatch.jar bootstrap-admin --email <your address>).");
            case LinkState.Unknown unknown -> message(UNKNOWN, "Check that the whole link was copied, or ask the operator "
                    + "for a new one.");
        }
    }

    private void form(String token, String email) {
        card.removeAll();
        var password = new PasswordField("New password");
        password.setHelperText("At least 8 characters; not a common password, not your e-mail address");
        password.setWidthFull();
        var repeat = new PasswordField("Repeat the password");
        repeat.setWidthFull();
        password.setId("password");
        repeat.setId("repeat-password");
        Binder<NewPasswordForm> binder = Forms.binder(NewPasswordForm.class);
        binder.bind(password, "password");
        binder.forField(repeat).withValidator(Forms.rule(v -> password.getValue().equals(v) ? null : "The two passwords differ"))
                .bind("repeat");
        binder.readRecord(new NewPasswordForm("", ""));
        var save = new Button("Set password", click -> Forms.record(binder).ifPresent(form -> save(token, form, binder)));
        save.setId("set-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        card.add(new H2("Set your password"), new Paragraph("For " + email + ". This link works once."), password, repeat, save);
    }

    private void save(String token, NewPasswordForm form, Binder<NewPasswordForm> binder) {
        try {
            String email = firstAdmin.setPassword(token, form.password());
            card.removeAll();
            card.add(new H2("Password set"), new Paragraph("Sign in as " + email + " with your new password."),
                    new Anchor("login", "Sign in"));
        } catch (InvalidAccountInput e) {
            Forms.showRefusal(binder, e);
        } catch (SetupLinkRefused e) {
            message(e.getMessage(), "Ask the operator for a new link.");
        }
    }

    private void message(String title, String text) {
        card.removeAll();
        card.add(new H2(title), new Paragraph(text), new Anchor("login", "Go to sign-in"));
    }

    /** The new password twice; the rules a form cannot check (common passwords, the address) are the use case's. */
    public record NewPasswordForm(
            @NotNull(message = TOO_SHORT) @Size(min = PasswordRules.MIN_LENGTH, message = TOO_SHORT) String password,
            String repeat) {
        static final String TOO_SHORT = "Password must have at least " + PasswordRules.MIN_LENGTH + " characters";
    }
}
