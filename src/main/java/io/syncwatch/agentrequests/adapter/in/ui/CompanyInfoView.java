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

/** Company Info */
@Route("agent-connect/company-info")
@PageTitle("Company Info · Syncwatch")
@Menu(title = "Agent Connect › Company Info", order = 30)
@RolesAllowed(Permission.Names.AGENT_CONNECT_OPERATOR)
public class CompanyInfoView extends VerticalLayout {

    public CompanyInfoView(CurrentUser currentUser) {
        addClassName("sw-page");
        add(new PageHeader("Company Info", "Channels, brands, languages, employees and API keys of your Agent Connect company."));
        
        add(new EmptyState(VaadinIcon.CLOCK, "Coming soon", "This page is part of the navigation already; its content arrives with the agentrequests module's work."));
    }
}
