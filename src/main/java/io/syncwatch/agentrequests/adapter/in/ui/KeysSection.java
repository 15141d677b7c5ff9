package io.syncwatch.agentrequests.adapter.in.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.application.port.in.NewKey;
import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.platform.AccountId;

/** Agent Connect API keys: create (the clear key is shown once), rename, revoke. */
class KeysSection extends VerticalLayout {

    private final ManageCompany company;
    private final AccountId account;
    final Grid<AgentKey> grid = new Grid<>();
    final TextField name = new TextField();
    final Select<KeyKind> kind = new Select<>();
    final TextField shownOnce = new TextField("Your new key — copy it now, it will not be shown again");

    KeysSection(ManageCompany company, AccountId account) {
        this.company = company;
        this.account = account;
        setPadding(false);
        grid.addColumn(AgentKey::name).setHeader("Name").setAutoWidth(true);
        grid.addComponentColumn(k -> {
            Span badge = new Span(k.kind().label());
            badge.getElement().getThemeList().add(k.kind() == KeyKind.TEST ? "badge contrast" : "badge success");
            return badge;
        }).setHeader("Kind");
        grid.addColumn(k -> k.displayPrefix() + "…").setHeader("Key").setAutoWidth(true);
        grid.addColumn(k -> k.revoked() ? "Revoked" : "Active").setHeader("Status");
        grid.addComponentColumn(k -> {
            TextField rename = new TextField();
            rename.setValue(k.name());
            rename.setAriaLabel("Name of key " + k.name());
            rename.setEnabled(!k.revoked());
            rename.addValueChangeListener(e -> {
                company.renameKey(account, k.id(), e.getValue());
                refresh();
            });
            Button revoke = new Button("Revoke", e -> {
                company.revokeKey(account, k.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setEnabled(!k.revoked());
            return new HorizontalLayout(rename, revoke);
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        name.setPlaceholder("Key name");
        name.setAriaLabel("Name of the new key");
        kind.setItems(KeyKind.values());
        kind.setItemLabelGenerator(KeyKind::label);
        kind.setValue(KeyKind.TEST);
        Button create = new Button("Create key", e -> create());
        create.setId("create-agent-key");
        shownOnce.setReadOnly(true);
        shownOnce.setWidthFull();
        shownOnce.setVisible(false);
        HorizontalLayout form = new HorizontalLayout(name, kind, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(grid, form, shownOnce);
        refresh();
    }

    void create() {
        try {
            NewKey key = company.createKey(account, name.getValue(), kind.getValue());
            shownOnce.setValue(key.clearValue());
            shownOnce.setVisible(true);
            name.clear();
            refresh();
        } catch (IllegalArgumentException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
        }
    }

    private void refresh() {
        grid.setItems(company.keys(account));
    }
}
