package io.syncwatch.platform.adapter.in.ui;

import com.vaadin.flow.data.binder.Binder;
import io.syncwatch.platform.PlatformRefusal.InvalidAccountInput;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.application.port.in.AccountAdministration;
import io.syncwatch.platform.domain.ApiKey;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;

/** Account › API keys for the REST API ({@code /api/v1}); a key is shown once, at creation. */
@Route("account/api-keys")
@PageTitle("API keys · Syncwatch")
@Menu(title = "Account › API keys", order = 91, icon = "vaadin:key")
@RolesAllowed(Permission.Names.ACCOUNT_ADMIN)
public class ApiKeysView extends VerticalLayout {

    private final AccountAdministration administration;
    private final CurrentUser currentUser;
    final Grid<ApiKey> grid = new Grid<>();

    public ApiKeysView(AccountAdministration administration, CurrentUser currentUser) {
        this.administration = administration;
        this.currentUser = currentUser;
        addClassName("sw-page");
        var create = new Button("Create API key", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-api-key");
        add(new PageHeader("API keys", "Keys for the Syncwatch REST API. Only a hash is stored: copy a new key when it is shown.", create));
        grid.addColumn(ApiKey::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(k -> k.prefix() + "…").setHeader("Key").setAutoWidth(true);
        grid.addColumn(k -> k.isActive() ? "Active" : "Revoked").setHeader("Status").setAutoWidth(true);
        var times = io.syncwatch.platform.shell.DateTimes.forViewer(com.vaadin.flow.component.UI.getCurrent());
        grid.addColumn(k -> times.format(k.lastUsedAt(), java.time.Instant.now(), "Never")).setHeader("Last used");
        grid.addComponentColumn(k -> {
            var revoke = new Button("Revoke", e -> confirmRevoke(k));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setEnabled(k.isActive());
            return revoke;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(administration.apiKeys(currentUser.accountId()));
    }

    private void openCreateDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Create API key");
        var name = new TextField("Name");
        name.setId("api-key-name");
        name.setMaxLength(80);
        Binder<KeyForm> binder = Forms.binder(KeyForm.class);
        binder.bind(name, "name");
        dialog.add(name);
        var create = new Button("Create", e -> Forms.record(binder).ifPresent(form -> {
            try {
                var created = administration.createApiKey(currentUser.accountId(), form.name());
                dialog.removeAll();
                dialog.getFooter().removeAll();
                var key = new TextField("Your new key");
                key.setValue(created.clearValue());
                key.setReadOnly(true);
                key.setWidthFull();
                key.setId("new-api-key");
                dialog.add(new Paragraph("Copy it now: it will not be shown again."), key);
                dialog.getFooter().add(new Button("Done", ev -> dialog.close()));
                refresh();
            } catch (InvalidAccountInput ex) {
                Forms.showRefusal(binder, ex);
            }
        }));
        create.setId("api-key-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
    }

    private void confirmRevoke(ApiKey key) {
        var confirm = new ConfirmDialog("Revoke \"" + key.name() + "\"?",
                "Programs using this key will get 401 Unauthorized from now on.", "Revoke", e -> {
                    administration.revokeApiKey(currentUser.accountId(), key.id());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** A new key's name. */
    public record KeyForm(@NotBlank(message = NAME_RULE) @Size(max = 80, message = NAME_RULE) String name) {
        static final String NAME_RULE = "Key name must be 1 to 80 characters";
    }
}
