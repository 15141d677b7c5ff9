package io.syncwatch.platform.adapter.in.ui;

import java.util.EnumSet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.application.port.in.AccountAdministration;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;

/** Account › Features: switch product features on or off for the own account. */
@Route("account/features")
@PageTitle("Features · Syncwatch")
@Menu(title = "Account › Features", order = 92, icon = "vaadin:flag")
@RolesAllowed(Permission.Names.ACCOUNT_ADMIN)
public class FeatureFlagsView extends VerticalLayout {

    final CheckboxGroup<FeatureFlag> flags = new CheckboxGroup<>("Features enabled for this account");

    public FeatureFlagsView(AccountAdministration administration, CurrentUser currentUser) {
        addClassName("sw-page");
        add(new PageHeader("Features", "Pages of a disabled feature are hidden and refused to every user of the account."));
        flags.setItems(EnumSet.allOf(FeatureFlag.class));
        flags.setItemLabelGenerator(f -> f.label() + " — " + f.description());
        flags.setValue(administration.account(currentUser.accountId()).flags());
        var save = new Button("Save", e -> {
            administration.changeFlags(currentUser.accountId(), flags.getValue());
            Notification.show("Features saved; users see the change at their next sign-in");
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(flags, save);
    }
}
