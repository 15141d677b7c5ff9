package io.syncwatch.agentrequests.adapter.in.ui;

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

import io.syncwatch.agentrequests.application.port.in.EmployeeImportReport;
import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.Employee;
import io.syncwatch.platform.AccountId;

/** Employees: add, edit, deactivate, reactivate, and import from CSV with a per-row error report. */
class EmployeesSection extends VerticalLayout {

    private final ManageCompany company;
    private final AccountId account;
    final Grid<Employee> grid = new Grid<>();
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
            Button edit = new Button("Edit", ev -> openEditor(e));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Button toggle = new Button(e.active() ? "Deactivate" : "Reactivate", ev -> {
                company.setEmployeeActive(account, e.email(), !e.active());
                refresh();
            });
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, e.active() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
            return new HorizontalLayout(edit, toggle);
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        Button add = new Button("Add employee", e -> openEditor(null));
        csv.setPlaceholder("email,name,profile_complete,profile_approved,active\nann@example.com,Ann,true,true,true");
        csv.setWidthFull();
        importReport.setId("import-report");
        Button importButton = new Button("Import", e -> importCsv());
        importButton.setId("import-employees");
        add(grid, add, csv, importButton, importReport);
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

    void openEditor(Employee existing) {
        Dialog dialog = new Dialog(existing == null ? "Add employee" : "Edit employee");
        TextField email = new TextField("Email");
        TextField name = new TextField("Name");
        Checkbox complete = new Checkbox("Profile complete");
        Checkbox approved = new Checkbox("Profile approved");
        if (existing != null) {
            email.setValue(existing.email());
            email.setReadOnly(true);
            name.setValue(existing.name());
            complete.setValue(existing.profileComplete());
            approved.setValue(existing.profileApproved());
        }
        Button save = new Button("Save", e -> {
            try {
                company.saveEmployee(account, new Employee(email.getValue(), name.getValue(), complete.getValue(), approved.getValue(),
                        existing == null || existing.active()));
                dialog.close();
                refresh();
            } catch (IllegalArgumentException ex) {
                email.setErrorMessage(ex.getMessage());
                email.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(email, name, complete, approved));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    void refresh() {
        grid.setItems(company.employees(account));
    }
}
