package io.syncwatch.agentrequests.adapter.in.ui;

import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.SectionTabs;

/** The two tabs of the API Status page. */
final class ApiStatusTabs {

    static final String INVALID = "agent-connect/integrations/api-status/invalid";
    static final String TEST = "agent-connect/integrations/api-status/test";

    private ApiStatusTabs() {
    }

    static SectionTabs of(CurrentUser user, String current) {
        return new SectionTabs(user, current, new SectionTabs.Section("Invalid Requests", INVALID, Permission.AGENT_CONNECT_OPERATOR),
                new SectionTabs.Section("Test Requests", TEST, Permission.AGENT_CONNECT_OPERATOR));
    }
}
