package io.syncwatch.agentrequests.adapter.in.ui;

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

/** API Status Page */
@Route("agent-connect/integrations/api-status/invalid")
@PageTitle("Invalid Requests · Syncwatch")
@Menu(title = "Agent Connect › Integrations › API Status Page", order = 20)
@RolesAllowed(Permission.Names.AGENT_CONNECT_OPERATOR)
public class InvalidRequestsView extends VerticalLayout {

    public InvalidRequestsView(CurrentUser currentUser) {
        addClassName("sw-page");
        add(new PageHeader("API Status Page", "Requests to the Agent Connect Requests API that failed processing, and requests sent with test keys."));
        add(new SectionTabs(currentUser, "agent-connect/integrations/api-status/invalid", new SectionTabs.Section("Invalid Requests", "agent-connect/integrations/api-status/invalid", Permission.AGENT_CONNECT_OPERATOR), new SectionTabs.Section("Test Requests", "agent-connect/integrations/api-status/test", Permission.AGENT_CONNECT_OPERATOR)));
        add(new EmptyState(VaadinIcon.CLOCK, "Coming soon", "This page is part of the navigation already; its content arrives with the agentrequests module's work."));
    }
}
