package io.syncwatch.platform.adapter.in.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import io.syncwatch.platform.Permission;
import io.syncwatch.platform.application.port.in.AccountAdministration;
import io.syncwatch.platform.application.port.out.SetupLinks;
import io.syncwatch.platform.domain.SetupLink;
import io.syncwatch.platform.domain.User;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/**
 * The platform's forms, as a user fills them (issue 19): a wrong field shows its own error and
 * nothing is saved; what only the use case knows (an address in use, a common password) is shown on
 * the field it concerns; good input is saved.
 */
@SpringBootTest
@Import({ TestAccounts.class, SignedIn.class })
class PlatformFormsTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignedIn signedIn;

    @Autowired
    AccountAdministration administration;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    SetupLinks links;

    TestAccount account;
    String admin;

    @BeforeEach
    void signIn() {
        account = accounts.createWithAllFeatures();
        admin = accounts.user(account, Permission.ACCOUNT_ADMIN);
        signedIn.as(admin);
    }

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    Button button(String id) {
        return $(Button.class).id(id);
    }

    @Test
    void addUserShowsEachFieldsErrorAndAddsOnlyAValidUser() {
        UI.getCurrent().navigate("account/users");
        test(button("add-user")).click();
        EmailField email = $(EmailField.class).id("new-user-email");
        TextField name = $(TextField.class).id("new-user-name");
        PasswordField password = $(PasswordField.class).id("new-user-password");

        email.setValue("not an address");
        password.setValue("short");
        test(button("add-user-save")).click();
        assertThat(email.getErrorMessage()).isEqualTo("Enter a valid e-mail address");
        assertThat(name.getErrorMessage()).isEqualTo("Name must be 1 to 120 characters");
        assertThat(password.getErrorMessage()).isEqualTo("Password must have at least 8 characters");
        assertThat(administration.users(account.id())).as("nothing saved").hasSize(1);

        email.setValue(admin); // only the use case knows the address is taken
        name.setValue("Ada Lovelace");
        password.setValue("a tarn by the old mill");
        test(button("add-user-save")).click();
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("A user with this e-mail address already exists");
        assertThat(password.isInvalid()).isFalse();

        String address = "ada." + System.nanoTime() + "@example.test";
        email.setValue(address);
        test(button("add-user-save")).click();
        assertThat(administration.users(account.id())).extracting(User::email).contains(address);
    }

    @Test
    void aNewApiKeyNeedsANameAndIsShownOnceCreated() {
        UI.getCurrent().navigate("account/api-keys");
        int before = administration.apiKeys(account.id()).size();
        test(button("create-api-key")).click();
        TextField name = $(TextField.class).id("api-key-name");

        name.setValue("  ");
        test(button("api-key-create")).click();
        assertThat(name.getErrorMessage()).isEqualTo("Key name must be 1 to 80 characters");
        assertThat(administration.apiKeys(account.id())).hasSize(before);

        name.setValue("CRM export");
        test(button("api-key-create")).click();
        assertThat(administration.apiKeys(account.id())).hasSize(before + 1);
        assertThat($(TextField.class).id("new-api-key").getValue()).isNotBlank();
    }

    @Test
    void changingThePasswordChecksTheRepeatAndTheRulesThenSavesIt() {
        UI.getCurrent().navigate("account/password");
        ChangePasswordView view = $(ChangePasswordView.class).single();

        view.current.setValue(TestAccounts.PASSWORD);
        view.next.setValue("a tarn by the old mill");
        view.repeat.setValue("a tarn by the old mil");
        test(view.change).click();
        assertThat(view.repeat.getErrorMessage()).isEqualTo("The two new passwords differ");
        assertThat(passwords.matches(TestAccounts.PASSWORD, me().passwordHash())).as("unchanged").isTrue();

        view.next.setValue("password"); // long enough for the form, one of the most common for the use case
        view.repeat.setValue("password");
        test(view.change).click();
        assertThat(view.next.isInvalid()).isTrue();
        assertThat(view.next.getErrorMessage()).isEqualTo("This password is one of the most common ones; choose another");
        assertThat(passwords.matches(TestAccounts.PASSWORD, me().passwordHash())).isTrue();

        view.next.setValue("a tarn by the old mill");
        view.repeat.setValue("a tarn by the old mill");
        test(view.change).click();
        assertThat(passwords.matches("a tarn by the old mill", me().passwordHash())).isTrue();
        assertThat(view.current.getValue()).as("the form is emptied").isEmpty();
    }

    @Test
    void theSetPasswordLinkChecksThePasswordThenSetsItOnce() {
        User me = me();
        String token = SetupLink.newToken();
        Instant now = Instant.now();
        links.add(me.id(), SetupLink.hash(token), now, now.plus(1, ChronoUnit.DAYS));
        signedIn.signOut();
        UI.getCurrent().navigate("set-password/" + token);
        PasswordField password = $(PasswordField.class).id("password");
        PasswordField repeat = $(PasswordField.class).id("repeat-password");

        password.setValue("short");
        test(button("set-password")).click();
        assertThat(password.getErrorMessage()).isEqualTo("Password must have at least 8 characters");

        password.setValue(admin); // the use case refuses the user's own address
        repeat.setValue(admin);
        test(button("set-password")).click();
        assertThat(password.getErrorMessage()).isEqualTo("The password must not be your e-mail address");
        assertThat(passwords.matches(TestAccounts.PASSWORD, me().passwordHash())).as("unchanged").isTrue();

        password.setValue("a tarn by the old mill");
        repeat.setValue("a tarn by the old mill");
        test(button("set-password")).click();
        assertThat($(H2.class).first().getText()).isEqualTo("Password set");
        assertThat(passwords.matches("a tarn by the old mill", me().passwordHash())).isTrue();
    }

    private User me() {
        return administration.users(account.id()).stream().filter(u -> u.email().equals(admin)).findFirst().orElseThrow();
    }
}
