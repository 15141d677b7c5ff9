package io.syncwatch.agentrequests.adapter.in.ui;

import java.time.Clock;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;

/** API Status Page › Invalid Requests. */
@Route(ApiStatusTabs.INVALID)
@PageTitle("Invalid Requests · Syncwatch")
@Menu(title = "Agent Connect › Integrations › API Status Page", order = 20)
@RolesAllowed(Permission.Names.AGENT_CONNECT_OPERATOR)
public class InvalidRequestsView extends VerticalLayout {

    final RequestLogPanel panel;

    public InvalidRequestsView(CurrentUser currentUser, BrowseRequestLog log, Clock clock, NewRequestsWatch watch) {
        addClassName("sw-page");
        setSizeFull();
        add(new PageHeader("API Status Page", "Requests to the Agent Connect Requests API that failed processing, and requests sent with test keys."));
        add(ApiStatusTabs.of(currentUser, ApiStatusTabs.INVALID));
        panel = new RequestLogPanel(log, currentUser.accountId(), LogTab.INVALID, clock, watch);
        add(panel);
    }
}
