package io.syncwatch.agentrequests.adapter.in.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;

import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.Brand;
import io.syncwatch.agentrequests.domain.CompanySettings;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Company Info › Brands: each brand active or not, and a form to add one. */
class BrandsSection extends CompanyInfoSection {

    final Grid<Brand> grid = new Grid<>();
    final TextField newBrand = new TextField();

    BrandsSection(ManageCompany company, AccountId account, CompanySaves saves) {
        super("brands", "Brands", "With several active brands, requests must name one; with exactly one it is used by default.");
        grid.setId("brand-grid");
        newBrand.setId("new-brand");
        // no visible label beside the grid: screen readers still hear what the field is for
        newBrand.setAriaLabel("New brand");
        grid.addColumn(Brand::label).setHeader("Brand label").setAutoWidth(true);
        grid.addComponentColumn(b -> {
            Checkbox active = new Checkbox("Active", b.active());
            active.addValueChangeListener(e -> saves.save(() -> company.saveBrand(account, b.label(), e.getValue())));
            return active;
        }).setHeader("Active");
        grid.setAllRowsVisible(true);
        newBrand.setPlaceholder("Brand label");
        Binder<NewBrand> form = Forms.binder(NewBrand.class);
        form.bind(newBrand, "label");
        Button addButton = new Button("Add brand", e -> Forms.record(form)
                .ifPresent(b -> saves.save(() -> company.saveBrand(account, b.label(), true), form)));
        addButton.setId("add-brand");
        add(grid, row(newBrand, addButton));
    }

    void show(CompanySettings settings) {
        grid.setItems(settings.brands());
    }

    /** Selects the brand a fix link named, or fills its label in to add it; says which. */
    String showItem(CompanySettings settings, String item) {
        return settings.brand(item).map(b -> {
            grid.select(b);
            return "Brand “" + b.label() + "” is selected below (" + (b.active() ? "active" : "inactive") + ").";
        }).orElseGet(() -> {
            newBrand.setValue(item);
            return "There is no brand “" + item + "”: its label is filled in below to add it.";
        });
    }

    /** Adding a brand. */
    public record NewBrand(
            @NotBlank(message = "The brand label is required (at most 120 characters).") @Size(max = 120, message = "The brand label is required (at most 120 characters).") String label) {
    }
}
