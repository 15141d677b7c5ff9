package io.syncwatch.imports.adapter.in.ui;

import java.time.Clock;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.ui.IntegrationPageSection;
import io.syncwatch.platform.AccountId;

/**
 * The imports section rendered on one integration's page: Run now, import one conversation,
 * backfill and the import history. Live: when the page learns the integration changed, it refreshes
 * the history and chart and enables or disables its actions in place (keeping what the user typed
 * and the run it follows). Actions that cannot work are disabled and say why.
 */
class ImportsPanel extends VerticalLayout implements IntegrationPageSection.Live {

    private IntegrationSnapshot integration;
    /** Why the actions are disabled, in words (also their tooltip): reachable by keyboard, touch and screen reader. */
    private final Span notRunnable = new Span();
    private final ImportHistoryBlock historyBlock;
    private final RunFollower follower;
    private final RunNowBlock runNow;
    private final ImportOneBlock importOne;
    private final BackfillBlock backfill;

    ImportsPanel(IntegrationSnapshot integration, AccountId account, String actor, ManualImports manual,
            ImportHistory history, Clock clock) {
        this.integration = integration;
        addClassName("sw-imports-section");
        setPadding(false);
        add(new H3("Imports"));
        notRunnable.setId("imports-not-runnable");
        notRunnable.addClassName("sw-imports-not-runnable");
        historyBlock = new ImportHistoryBlock(history, account, clock, this::integration);
        follower = new RunFollower(manual, account, this, historyBlock, this::updateActions);
        runNow = new RunNowBlock(manual, history, account, actor, this::integration, follower);
        importOne = new ImportOneBlock(manual.singleImportReferenceLabel(integration.platform()), manual, account, actor,
                this::integration, historyBlock);
        backfill = new BackfillBlock(manual, account, actor, clock, this::integration, follower);
        add(notRunnable, runNow, importOne, backfill, historyBlock);
        addDetachListener(e -> follower.stop());
        updateActions();
    }

    private IntegrationSnapshot integration() {
        return integration;
    }

    @Override
    public void integrationChanged(IntegrationSnapshot changed) {
        this.integration = changed;
        updateActions();
        historyBlock.refresh();
    }

    /** Actions that cannot work are disabled, and say why (setup, paused, held, deleted). */
    private void updateActions() {
        var why = integration.whyItCannotRun();
        notRunnable.setText(why.map(w -> w + ".").orElse(""));
        notRunnable.setVisible(why.isPresent());
        for (Button b : List.of(runNow.button, importOne.button, backfill.button)) {
            boolean busy = follower.following() && b != importOne.button;
            b.setEnabled(why.isEmpty() && !busy);
            b.setTooltipText(why.orElse(null));
        }
    }
}
