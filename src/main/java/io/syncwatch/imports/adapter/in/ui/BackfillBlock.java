package io.syncwatch.imports.adapter.in.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.binder.Binder;

import io.syncwatch.imports.ImportRefusal;
import io.syncwatch.imports.ImportRefusal.InvalidImportInput;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.shell.DateTimes;
import io.syncwatch.platform.shell.Forms;

/**
 * Backfill: after a filter change, re-read the conversations since a date (not in the future) with
 * the current filters, followed to its result; it can be cancelled after the current page.
 */
class BackfillBlock extends ImportsBlock {

    final Button button = new Button("Start backfill");
    /** The backfill started last (Cancel stops it). */
    private @Nullable ImportRunId current;

    BackfillBlock(ManualImports manual, AccountId account, String actor, Clock clock,
            Supplier<IntegrationSnapshot> integration, RunFollower follower) {
        super("After a filter change, re-read conversations since a date with the current filters.");
        var from = DateTimes.forViewer(UI.getCurrent()).localize(new DatePicker("Start date"));
        from.setId("imports-backfill-from");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        from.setMax(today);
        button.setId("imports-backfill-start");
        var cancel = new Button("Cancel");
        cancel.setId("imports-backfill-cancel");
        cancel.setVisible(false);
        var progress = new ProgressBar(0, 1);
        progress.setId("imports-backfill-progress");
        progress.setVisible(false);
        var status = new Span();
        status.setId("imports-backfill-status");
        Binder<Backfill> form = Forms.binder(Backfill.class);
        form.forField(from).withValidator(Forms.rule(d -> d == null ? "Choose a start date"
                : d.isAfter(today) ? "The backfill start date must not be in the future" : null)).bind("from");
        form.readRecord(new Backfill(today.minusDays(30)));
        button.addClickListener(e -> Forms.record(form).ifPresent(backfill -> {
            try {
                ImportRunId run = manual.startBackfill(account, integration.get().id(), backfill.from(), actor);
                current = run;
                button.setEnabled(false);
                cancel.setVisible(true);
                status.setText("Backfill running…");
                follower.follow(run, progress, status, done -> cancel.setVisible(false));
            } catch (InvalidImportInput ex) {
                Forms.showRefusal(form, ex.problems());
            } catch (ImportRefusal ex) {
                status.setText(ex.getMessage());
            }
        }));
        cancel.addClickListener(e -> {
            if (current != null && manual.cancel(account, current, actor)) {
                status.setText("Cancelling after the current page…");
            }
        });
        var row = new HorizontalLayout(from, button, cancel);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(row, progress, status);
    }

    /** Backfill: the start date. */
    public record Backfill(@Nullable LocalDate from) {
    }
}
