package io.syncwatch.health.adapter.in.ui;

import java.time.Instant;

import io.syncwatch.health.DetailedState;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.platform.shell.DateTimes;

/**
 * What the status's hover (a Vaadin tooltip: mouse, keyboard focus of the cell) says for each
 * state (spec 000: "the most recent message in full"): a failure's message and what to do, a
 * pause's reason, and for an Active integration when data last arrived, never a stale message of
 * an earlier run.
 */
final class StatusHover {

    private StatusHover() {
    }

    static String text(HealthRecord r, DateTimes times, Instant now) {
        DetailedState state = r.state();
        String base = switch (state) {
            case ACTIVE -> "Active: the last run completed"
                    + (r.lastDataImportedAt() != null
                            ? "; data last imported " + times.format(r.lastDataImportedAt(), now) + "."
                            : r.lastRanAt() != null ? "; nothing new has matched the import criteria yet." : ".");
            case INACTIVE -> inactive(r);
            case DELETED -> "Deleted: it no longer runs; the contacts it imported stay.";
            case SETUP -> "Setup: finish setup by configuring the filters to start importing.";
            default -> state.label() + (r.message() != null ? ": " + r.message() : ".");
        };
        var text = new StringBuilder(base);
        // (a pause's and setup's own words above already say what to do)
        if (state != DetailedState.ACTIVE && state != DetailedState.INACTIVE && state != DetailedState.SETUP
                && r.recommendedAction() != null) {
            text.append(" What to do: ").append(r.recommendedAction());
        }
        if (r.gap(now)) {
            text.append(" Gap: runs happen but nothing has been saved for much longer than the schedule suggests; check "
                    + "the filters and the source platform.");
        }
        if (r.overdue(now)) {
            text.append(" Overdue: no run for more than two scheduled intervals although the integration is active.");
        }
        return text.toString();
    }

    private static String inactive(HealthRecord r) {
        PauseReason reason = r.pauseReason();
        if (reason == PauseReason.MANUAL) {
            return "Paused manually: it does not run until you resume it on the integration page.";
        }
        if (reason == PauseReason.DEVELOPMENT_INACTIVITY) {
            return "Inactive: a development integration with no API request for two weeks. Reactivate it on the "
                    + "integration page.";
        }
        if (reason == PauseReason.CREDENTIALS_INVALID) {
            return "Paused: every run for three days failed on authentication. Reconnect it with new credentials.";
        }
        return "Inactive: it does not run until it is resumed on the integration page."
                + (r.message() != null ? " " + r.message() : "");
    }
}
