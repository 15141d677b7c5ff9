package io.syncwatch.health.adapter.in.ui;

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
@Route("conversations/integrations/platforms")
@PageTitle("Platforms · Syncwatch")
@Menu(title = "Conversations › Integrations", order = 10)
@RolesAllowed(Permission.Names.MANAGE_INTEGRATIONS)
public class PlatformsView extends VerticalLayout {

    public PlatformsView(CurrentUser currentUser) {
        addClassName("sw-page");
        add(new PageHeader("Integrations", "Is each integration running, and is data flowing?"));
        add(new SectionTabs(currentUser, "conversations/integrations/platforms", new SectionTabs.Section("Platforms", "conversations/integrations/platforms", Permission.MANAGE_INTEGRATIONS), new SectionTabs.Section("Imported contacts & filters", "conversations/integrations/contacts", Permission.VIEW_IMPORTED_CONTACTS)));
        add(new EmptyState(VaadinIcon.CLOCK, "Coming soon", "This page is part of the navigation already; its content arrives with the health module's work."));
    }
}
