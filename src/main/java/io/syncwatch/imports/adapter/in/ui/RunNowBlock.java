package io.syncwatch.imports.adapter.in.ui;

import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;

import io.syncwatch.imports.ImportRefusal;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;

/**
 * Run now: a whole import at once instead of at the next scheduled time, followed to its result. A
 * run stopped by a shutdown (or left by a crashed instance) is said to wait, and Run now resumes it.
 */
class RunNowBlock extends ImportsBlock {

    final Button button = new Button("Run now");

    RunNowBlock(ManualImports manual, ImportHistory history, AccountId account, String actor,
            Supplier<IntegrationSnapshot> integration, RunFollower follower) {
        super("Run a whole import now instead of waiting for the next scheduled run.");
        button.setId("imports-run-now");
        button.addThemeVariants(ButtonVariant.PRIMARY);
        var progress = new ProgressBar();
        progress.setId("imports-run-progress");
        progress.setVisible(false);
        var result = new Span();
        result.setId("imports-run-result");
        button.addClickListener(e -> {
            try {
                ImportRunId run = manual.runNow(account, integration.get().id(), actor);
                button.setEnabled(false);
                result.setText("Importing…");
                follower.follow(run, progress, result, done -> {
                });
            } catch (ImportRefusal ex) {
                result.setText(ex.getMessage());
            }
        });
        var row = new HorizontalLayout(button, result);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        // a run stopped by a shutdown (or left by a crashed instance) waits for the scheduler to resume it:
        // say so, and let Run now resume it at once
        history.runs(account, integration.get().id(), 0, 1).stream().filter(RunSummary::interrupted).findFirst()
                .ifPresent(waiting -> {
                    result.setText(RunSummary.INTERRUPTED + "; saved so far: " + Formats.counts(waiting.counts())
                            + ". Run now resumes it at once");
                    result.getElement().setAttribute("data-outcome", "INTERRUPTED");
                });
        add(row, progress);
    }
}
