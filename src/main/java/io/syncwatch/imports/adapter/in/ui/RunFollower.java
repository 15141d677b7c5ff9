package io.syncwatch.imports.adapter.in.ui;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;

import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.platform.AccountId;

/**
 * Follows the run started from an integration's imports section (one at a time): shows its progress
 * while it runs (UI polling every second), then its result, and reads the history again.
 */
class RunFollower {

    private final ManualImports manual;
    private final AccountId account;
    private final Component owner;
    private final ImportHistoryBlock history;
    private final Runnable ended;
    private boolean following;
    private @Nullable Registration polling;

    /** {@code ended} runs when a followed run has ended (before the follower's own {@code done}). */
    RunFollower(ManualImports manual, AccountId account, Component owner, ImportHistoryBlock history, Runnable ended) {
        this.manual = manual;
        this.account = account;
        this.owner = owner;
        this.history = history;
        this.ended = ended;
    }

    /** Whether a run is being followed (Run now and backfill wait until it ends). */
    boolean following() {
        return following;
    }

    /** Shows the run's progress until it ends (UI polling), then its result. */
    void follow(ImportRunId run, ProgressBar progress, Span result, Consumer<RunSummary> done) {
        following = true;
        progress.setVisible(true);
        progress.setIndeterminate(false);
        progress.setValue(0);
        stop();
        UI ui = UI.getCurrent();
        ui.setPollInterval(1000);
        polling = ui.addPollListener(e -> update(run, progress, result, done));
        update(run, progress, result, done);
    }

    private void update(ImportRunId run, ProgressBar progress, Span result, Consumer<RunSummary> done) {
        var summary = manual.run(account, run).orElse(null);
        if (summary == null) {
            return;
        }
        progress.setValue(Math.max(0, Math.min(1, summary.progress())));
        if (summary.running()) {
            result.setText("Running: " + Formats.counts(summary.counts()));
            return;
        }
        if (summary.interrupted()) {
            result.setText(RunSummary.INTERRUPTED + "; saved so far: " + Formats.counts(summary.counts()));
            return;
        }
        stop();
        progress.setVisible(false);
        RunOutcome outcome = summary.outcome();
        result.setText((outcome == null ? "Finished" : Formats.outcome(outcome, summary.failureCategory())) + ": "
                + summary.message());
        result.getElement().setAttribute("data-outcome", outcome == null ? "" : outcome.name());
        history.refresh();
        following = false;
        ended.run();
        done.accept(summary);
    }

    /** Stops polling (the run ended, another is followed, or the section left the page). */
    void stop() {
        if (polling != null) {
            polling.remove();
            polling = null;
            UI ui = owner.getUI().orElse(UI.getCurrent());
            if (ui != null) {
                ui.setPollInterval(-1);
            }
        }
    }
}
