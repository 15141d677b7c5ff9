package io.syncwatch.agentrequests.adapter.in.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;

import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.Channel;
import io.syncwatch.agentrequests.domain.Employee;

/**
 * Company Info's forms as an operator fills them (issue 19): a wrong field shows its own error with
 * the use case's words and nothing is saved; good input is saved.
 */
class CompanyFormsTest extends AgentConnectScreenTestSupport {

    @Autowired
    ManageCompany manage;

    @BeforeEach
    void open() {
        signIn();
        UI.getCurrent().navigate("agent-connect/company-info");
    }

    Button button(String id) {
        return $(Button.class).id(id);
    }

    @Test
    void aChannelNeedsANameOfAtMost40Characters() {
        int before = manage.settings(company.account().id()).channels().size();
        TextField name = $(TextField.class).id("new-channel");

        name.setValue("x".repeat(41));
        test(button("add-channel")).click();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("The channel name is required (at most 40 characters).");
        assertThat(manage.settings(company.account().id()).channels()).hasSize(before);

        name.setValue("whatsapp");
        test(button("add-channel")).click();
        assertThat(manage.settings(company.account().id()).channels()).extracting(Channel::name).contains("whatsapp");
    }

    @Test
    void anEmployeeNeedsAValidAddressAndANameAndTheErrorIsOnTheRightField() {
        test($(Button.class).all().stream().filter(b -> "Add employee".equals(b.getText())).findFirst().orElseThrow()).click();
        TextField email = $(TextField.class).id("employee-email");
        TextField name = $(TextField.class).id("employee-name");

        email.setValue("ada@");
        test(button("employee-save")).click();
        assertThat(email.getErrorMessage()).isEqualTo("The email address is not valid.");
        assertThat(name.getErrorMessage()).isEqualTo("The name is required (at most 200 characters).");

        email.setValue("ada@example"); // a form may accept it; the use case wants a dot in the domain
        name.setValue("Ada Lovelace");
        test(button("employee-save")).click();
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("The email address is not valid.");
        assertThat(name.isInvalid()).as("the name is fine").isFalse();
        assertThat(manage.employees(company.account().id())).extracting(Employee::email).doesNotContain("ada@example");

        email.setValue("ada@example.test");
        test(button("employee-save")).click();
        assertThat(manage.employees(company.account().id())).extracting(Employee::email).contains("ada@example.test");
    }

    @Test
    void aKeyNeedsANameAndIsShownOnceCreated() {
        int before = manage.keys(company.account().id()).size();
        KeysSection keys = $(KeysSection.class).single();

        test(button("create-agent-key")).click();
        assertThat(keys.name.getErrorMessage()).isEqualTo("The key name is required (at most 80 characters).");
        assertThat(manage.keys(company.account().id())).hasSize(before);

        keys.name.setValue("Chat widget");
        test(button("create-agent-key")).click();
        assertThat(manage.keys(company.account().id())).extracting(AgentKey::name).contains("Chat widget");
        assertThat(keys.shownOnce.getValue()).startsWith("ac_test_");
    }
}
