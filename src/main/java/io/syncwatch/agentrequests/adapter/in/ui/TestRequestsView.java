package io.syncwatch.agentrequests.adapter.in.ui;

import java.time.Clock;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;

/** API Status Page › Test Requests. */
@Route(ApiStatusTabs.TEST)
@PageTitle("Test Requests · Syncwatch")

@RolesAllowed(Permission.Names.AGENT_CONNECT_OPERATOR)
public class TestRequestsView extends VerticalLayout {

    final RequestLogPanel panel;

    public TestRequestsView(CurrentUser currentUser, BrowseRequestLog log, Clock clock, NewRequestsWatch watch) {
        addClassName("sw-page");
        setSizeFull();
        add(new PageHeader("API Status Page", "Requests to the Agent Connect Requests API that failed processing, and requests sent with test keys."));
        add(ApiStatusTabs.of(currentUser, ApiStatusTabs.TEST));
        panel = new RequestLogPanel(log, currentUser.accountId(), LogTab.TEST, clock, watch);
        add(panel);
    }
}
