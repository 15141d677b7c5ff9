package io.syncwatch.imports.adapter.in.ui;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.UI;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.platform.shell.DateTimes;

/** How the imports screens write times (the console's one formatter, in the viewer's zone), durations and counts. */
final class Formats {

    private Formats() {
    }

    static String when(@Nullable Instant instant) {
        return DateTimes.forViewer(UI.getCurrent()).format(instant, Instant.now(), "—");
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** "Failed · Invalid data" for a failed run (the category says what to do), else the outcome's label. */
    static String outcome(@Nullable RunOutcome outcome, @Nullable FailureCategory category) {
        if (outcome == null) {
            return "—";
        }
        return outcome == RunOutcome.FAILED && category != null ? outcome.label() + " · " + category.label()
                : outcome.label();
    }

    static String counts(ImportCounts c) {
        return c.fetched() + " fetched · " + c.imported() + " imported · " + c.updated() + " refreshed · "
                + c.skippedByFilter() + " filtered · " + c.skippedAsDuplicate() + " duplicates"
                + (c.skippedMalformed() > 0 ? " · " + c.skippedMalformed() + " malformed" : "");
    }
}
