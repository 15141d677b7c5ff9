package io.syncwatch.agentrequests.adapter.in.ui;

import com.vaadin.flow.data.binder.Binder;
import io.syncwatch.agentrequests.application.port.in.CompanyRefusal.InvalidCompanyInput;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
    private final Binder<NewKeyForm> binder = Forms.binder(NewKeyForm.class);
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
            Binder<KeyName> renaming = Forms.binder(KeyName.class);
            renaming.bind(rename, "name");
            rename.addValueChangeListener(e -> Forms.record(renaming).ifPresent(form -> {
                try {
                    company.renameKey(account, k.id(), form.name());
                    refresh();
                } catch (InvalidCompanyInput refused) {
                    Forms.showRefusal(renaming, refused);
                }
            }));
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
        binder.bind(name, "name");
        binder.bind(kind, "kind");
        binder.readRecord(new NewKeyForm("", KeyKind.TEST));
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
        Forms.record(binder).ifPresent(form -> {
            try {
                NewKey key = company.createKey(account, form.name(), form.kind());
                shownOnce.setValue(key.clearValue());
                shownOnce.setVisible(true);
                binder.readRecord(new NewKeyForm("", form.kind()));
                refresh();
            } catch (InvalidCompanyInput e) {
                Forms.showRefusal(binder, e);
            }
        });
    }

    private void refresh() {
        grid.setItems(company.keys(account));
    }

    static final String NAME_RULE = "The key name is required (at most 80 characters).";

    /** A new key: its name (the use case's words) and kind. */
    public record NewKeyForm(@NotBlank(message = NAME_RULE) @Size(max = 80, message = NAME_RULE) String name,
            @NotNull(message = "Choose test or production") KeyKind kind) {
    }

    /** A key's new name. */
    public record KeyName(@NotBlank(message = NAME_RULE) @Size(max = 80, message = NAME_RULE) String name) {
    }
}
