package io.syncwatch.platform.adapter.in.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The sign-in page. Whatever went wrong (unknown user, wrong password, locked account) the
 * message is the same, so it never tells whether an account exists.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Syncwatch")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String FAILURE_MESSAGE = "Check your e-mail address and password and try again. "
            + "After repeated failures, sign-in is blocked for a few minutes.";

    private final LoginForm login = new LoginForm();

    public LoginView() {
        addClassName("sw-login");
        setSizeFull();
        setJustifyContentMode(JustifyContentMode.CENTER);
        setAlignItems(Alignment.CENTER);

        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Syncwatch");
        i18n.getForm().setUsername("E-mail");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage(FAILURE_MESSAGE);
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        var brand = new Div();
        brand.addClassName("sw-login-brand");
        brand.setText("Syncwatch");
        var tagline = new Paragraph("Keep your data integrations and inbound APIs healthy.");
        tagline.addClassName("sw-login-tagline");
        add(brand, tagline, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
