package io.syncwatch.agentrequests.adapter.in.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;

import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.CompanySettings;
import io.syncwatch.agentrequests.domain.Language;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Company Info › Languages: each language code active or not, and a form to add one. */
class LanguagesSection extends CompanyInfoSection {

    final Grid<Language> grid = new Grid<>();
    final TextField newLanguage = new TextField();

    LanguagesSection(ManageCompany company, AccountId account, CompanySaves saves) {
        super("languages", "Languages", "With several active languages, requests must give one; with exactly one it is used by default.");
        grid.setId("language-grid");
        newLanguage.setId("new-language");
        // no visible label beside the grid: screen readers still hear what the field is for
        newLanguage.setAriaLabel("New language");
        grid.addColumn(Language::code).setHeader("Language code").setAutoWidth(true);
        grid.addComponentColumn(l -> {
            Checkbox active = new Checkbox("Active", l.active());
            active.addValueChangeListener(e -> saves.save(() -> company.saveLanguage(account, l.code(), e.getValue())));
            return active;
        }).setHeader("Active");
        grid.setAllRowsVisible(true);
        newLanguage.setPlaceholder("e.g. fr-CA");
        Binder<NewLanguage> form = Forms.binder(NewLanguage.class);
        form.bind(newLanguage, "code");
        Button addButton = new Button("Add language", e -> Forms.record(form)
                .ifPresent(l -> saves.save(() -> company.saveLanguage(account, l.code(), true), form)));
        addButton.setId("add-language");
        add(grid, row(newLanguage, addButton));
    }

    void show(CompanySettings settings) {
        grid.setItems(settings.languages());
    }

    /** Selects the language a fix link named, or fills its code in to add it; says which. */
    String showItem(CompanySettings settings, String item) {
        return settings.language(item).map(l -> {
            grid.select(l);
            return "Language “" + l.code() + "” is selected below (" + (l.active() ? "active" : "inactive") + ").";
        }).orElseGet(() -> {
            newLanguage.setValue(item);
            return "There is no language “" + item + "”: its code is filled in below to add it.";
        });
    }

    /** Adding a language. */
    public record NewLanguage(
            @NotBlank(message = "The language code is required (at most 35 characters).") @Size(max = 35, message = "The language code is required (at most 35 characters).") String code) {
    }
}
