package io.syncwatch.imports.adapter.in.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.EmptyState;
import io.syncwatch.platform.shell.PageHeader;
import io.syncwatch.platform.shell.SectionTabs;
import jakarta.annotation.security.RolesAllowed;

/** Integrations */
@Route("conversations/integrations/contacts")
@PageTitle("Imported contacts & filters · Syncwatch")
@Menu(title = "Conversations › Integrations", order = 11)
@RolesAllowed(Permission.Names.VIEW_IMPORTED_CONTACTS)
public class ImportedContactsView extends VerticalLayout {

    public ImportedContactsView(CurrentUser currentUser) {
        addClassName("sw-page");
        add(new PageHeader("Integrations", "Find imported contacts by source reference and review each integration's filters."));
        add(new SectionTabs(currentUser, "conversations/integrations/contacts", new SectionTabs.Section("Platforms", "conversations/integrations/platforms", Permission.MANAGE_INTEGRATIONS), new SectionTabs.Section("Imported contacts & filters", "conversations/integrations/contacts", Permission.VIEW_IMPORTED_CONTACTS)));
        add(new EmptyState(VaadinIcon.CLOCK, "Coming soon", "This page is part of the navigation already; its content arrives with the imports module's work."));
    }
}
