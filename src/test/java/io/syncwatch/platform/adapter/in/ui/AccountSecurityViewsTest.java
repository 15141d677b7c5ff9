package io.syncwatch.platform.adapter.in.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;

import io.syncwatch.platform.Permission;
import io.syncwatch.platform.application.port.in.AccountAdministration;
import io.syncwatch.platform.application.port.in.SignInThrottling;
import io.syncwatch.platform.domain.User;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/**
 * What an account admin sees of sign-in throttling on Account › Users (issue 16.1): the
 * account's recent sign-ins with time, user, result and address (never another account's), a
 * locked user's status, and Unlock; and on Account › Password, the current password counted
 * like a sign-in.
 */
@SpringBootTest
@Import({ TestAccounts.class, SignedIn.class })
class AccountSecurityViewsTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignedIn signedIn;

    @Autowired
    SignInThrottling throttling;

    @Autowired
    AccountAdministration administration;

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    @Test
    void anAdminSeesTheAccountsSignInsAndTheLock_andUnlocksTheUser() {
        TestAccount account = accounts.createWithAllFeatures();
        String admin = accounts.user(account, Permission.values());
        String user = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        TestAccount other = accounts.createWithAllFeatures();
        String stranger = accounts.user(other, Permission.MANAGE_INTEGRATIONS);
        for (int i = 0; i < 5; i++) {
            wrongPassword(user, "198.51.100.7");
        }
        wrongPassword(stranger, "198.51.100.99");

        signedIn.as(admin);
        UI.getCurrent().navigate("account/users");
        UsersView view = $(UsersView.class).single();

        var signIns = test(view.signIns);
        assertThat(IntStream.range(0, 4).mapToObj(signIns::getHeaderCell)).containsExactly("Time", "User", "Result",
                "IP address");
        assertThat(signIns.size()).isEqualTo(5);
        for (int row = 0; row < signIns.size(); row++) {
            assertThat(List.of(signIns.getCellText(row, 1), signIns.getCellText(row, 2), signIns.getCellText(row, 3)))
                    .containsExactly(user, "Wrong password", "198.51.100.7");
            assertThat(signIns.getCellText(row, 0)).as("the console's one formatter: relative under 7 hours")
                    .isIn("just now", "1 minute ago");
        }
        int userRow = rowOf(view, user);
        assertThat(test(view.grid).getCellText(userRow, 3)).isEqualTo("Locked (15 min)");
        assertThat(test(view.grid).getCellText(rowOf(view, admin), 3)).isEqualTo("Active");

        test((Button) test(view.grid).getCellComponent(userRow, 4)).click();
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        Button unlock = $(Button.class).withText("Unlock sign-in").single();
        assertThat(unlock.isEnabled()).isTrue();
        test(unlock).click();

        assertThat(throttling.lockedFor(account.id(), user(account, user).id())).isEmpty();
        assertThat(test(view.grid).getCellText(rowOf(view, user), 3)).isEqualTo("Active");
    }

    @Test
    void wrongCurrentPasswordsOnAccountPasswordLockTheLogin() {
        TestAccount account = accounts.createWithAllFeatures();
        String email = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        signedIn.as(email);
        UI.getCurrent().navigate("account/password");
        ChangePasswordView view = $(ChangePasswordView.class).single();

        List<String> errors = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            view.current.setValue("not my password " + i);
            view.next.setValue("a tarn by the old mill");
            view.repeat.setValue("a tarn by the old mill");
            test(view.change).click();
            errors.add(view.current.isInvalid() ? view.current.getErrorMessage() : "(accepted)");
        }

        assertThat(errors.subList(0, 5)).containsOnly("The current password is not right");
        assertThat(errors.get(5)).startsWith("The current password was wrong too often: try again in 15 min");
        assertThat(throttling.lockedFor(account.id(), user(account, email).id())).isPresent();
    }

    private void wrongPassword(String email, String address) {
        assertThat(throttling.admit(email, address)).isInstanceOf(SignInThrottling.Admission.Allowed.class);
        throttling.failed(email, address);
    }

    private User user(TestAccount account, String email) {
        return administration.users(account.id()).stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow();
    }

    private int rowOf(UsersView view, String email) {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).email().equals(email)).findFirst().orElseThrow();
    }
}
