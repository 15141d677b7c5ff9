package io.syncwatch.imports.adapter.in.ui;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.integrations.ui.IntegrationPageSection;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.CurrentUser;

/** The imports block of the integration page: Run now, import one conversation, backfill, history and chart. */
@Component
class ImportsPageSection implements IntegrationPageSection {

    private final ManualImports manual;
    private final ImportHistory history;
    private final CurrentUser currentUser;
    private final Clock clock;

    ImportsPageSection(ManualImports manual, ImportHistory history, CurrentUser currentUser, Clock clock) {
        this.manual = manual;
        this.history = history;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public com.vaadin.flow.component.Component render(IntegrationSnapshot integration) {
        return new ImportsPanel(integration, currentUser.accountId(), currentUser.actorName(), manual, history, clock);
    }
}
