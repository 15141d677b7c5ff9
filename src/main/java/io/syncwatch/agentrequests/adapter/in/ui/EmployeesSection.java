package io.syncwatch.agentrequests.adapter.in.ui;

import com.vaadin.flow.data.binder.Binder;
import io.syncwatch.agentrequests.application.port.in.CompanyRefusal.InvalidCompanyInput;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import io.syncwatch.agentrequests.application.port.in.EmployeeImportReport;
import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.Employee;
import io.syncwatch.agentrequests.domain.Names;
import io.syncwatch.platform.AccountId;

/** Employees: search, add, edit, deactivate, reactivate, and import from CSV with a per-row error report. */
class EmployeesSection extends VerticalLayout {

    private final ManageCompany company;
    private final AccountId account;
    final Grid<Employee> grid = new Grid<>();
    final TextField search = new TextField();
    final TextArea csv = new TextArea("Import from CSV");
    final Div importReport = new Div();

    EmployeesSection(ManageCompany company, AccountId account) {
        this.company = company;
        this.account = account;
        setPadding(false);
        grid.addColumn(Employee::email).setHeader("Email").setAutoWidth(true);
        grid.addColumn(Employee::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(Employee::state).setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(e -> {
            Button edit = new Button("Edit", ev -> openEditor(e, ""));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Button toggle = new Button(e.active() ? "Deactivate" : "Reactivate", ev -> {
                company.setEmployeeActive(account, e.email(), !e.active());
                refresh();
            });
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, e.active() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
            return new HorizontalLayout(edit, toggle);
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        search.setPlaceholder("Search email or name");
        search.setAriaLabel("Search employees by email or name");
        search.setId("employee-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        Button add = new Button("Add employee", e -> openEditor(null, ""));
        csv.setPlaceholder("email,name,profile_complete,profile_approved,active\nann@example.com,Ann,true,true,true");
        csv.setWidthFull();
        importReport.setId("import-report");
        Button importButton = new Button("Import", e -> importCsv());
        importButton.setId("import-employees");
        add(search, grid, add, csv, importButton, importReport);
        refresh();
    }

    void importCsv() {
        EmployeeImportReport report = company.importEmployees(account, csv.getValue());
        importReport.removeAll();
        importReport.add(new Paragraph(report.imported() + " imported, " + report.errors().size() + " rejected."));
        UnorderedList list = new UnorderedList();
        report.errors().forEach(err -> list.add(new ListItem("Line " + err.line() + ": " + err.reason())));
        importReport.add(list);
        refresh();
    }

    /**
     * Shows one employee (a fix link's target): filters the list to the address and selects it;
     * an address with no employee opens the Add employee form with it filled in. Returns whether
     * the employee exists.
     */
    boolean show(String email) {
        search.setValue(email);
        refresh();
        Optional<Employee> found = company.employees(account).stream().filter(e -> e.email().equals(Names.key(email))).findFirst();
        if (found.isPresent()) {
            grid.select(found.get());
        } else {
            openEditor(null, email.strip());
        }
        return found.isPresent();
    }

    Dialog openEditor(@Nullable Employee existing, String email) {
        Dialog dialog = new Dialog(existing == null ? "Add employee" : "Edit employee");
        TextField emailField = new TextField("Email");
        emailField.setId("employee-email");
        TextField name = new TextField("Name");
        name.setId("employee-name");
        Checkbox complete = new Checkbox("Profile complete");
        Checkbox approved = new Checkbox("Profile approved");
        Binder<EmployeeForm> binder = Forms.binder(EmployeeForm.class);
        binder.bind(emailField, "email");
        binder.bind(name, "name");
        binder.bind(complete, "profileComplete");
        binder.bind(approved, "profileApproved");
        binder.readRecord(existing == null ? new EmployeeForm(email, "", false, false)
                : new EmployeeForm(existing.email(), existing.name(), existing.profileComplete(), existing.profileApproved()));
        emailField.setReadOnly(existing != null);
        Button save = new Button("Save", e -> Forms.record(binder).ifPresent(form -> {
            try {
                company.saveEmployee(account, new Employee(form.email(), form.name(), form.profileComplete(), form.profileApproved(),
                        existing == null || existing.active()));
                dialog.close();
                refresh();
            } catch (InvalidCompanyInput ex) {
                Forms.showRefusal(binder, ex);
            }
        }));
        save.setId("employee-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(emailField, name, complete, approved));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        return dialog;
    }

    void refresh() {
        String term = Names.key(search.getValue());
        grid.setItems(company.employees(account).stream()
                .filter(e -> term.isEmpty() || e.email().contains(term) || e.name().toLowerCase(Locale.ROOT).contains(term)).toList());
    }

    static final String EMAIL_RULE = "The email address is not valid.";
    static final String NAME_RULE = "The name is required (at most 200 characters).";

    /** One employee as the Add/Edit form holds it, with the use case's words for each rule. */
    public record EmployeeForm(
            @NotBlank(message = EMAIL_RULE) @Email(message = EMAIL_RULE) @Size(max = 254, message = EMAIL_RULE) String email,
            @NotBlank(message = NAME_RULE) @Size(max = 200, message = NAME_RULE) String name,
            boolean profileComplete, boolean profileApproved) {
    }
}
