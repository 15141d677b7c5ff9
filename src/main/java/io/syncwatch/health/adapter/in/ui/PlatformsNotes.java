package io.syncwatch.health.adapter.in.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.platform.shell.DateTimes;

/** The folded notes under the Platforms grid: what the statuses mean, and the account's support notifications. */
final class PlatformsNotes {

    private PlatformsNotes() {
    }

    /** The internal notifications (quality assurance, credentials invalid) of the account. */
    static Component notifications(HealthQueries queries, DateTimes timestamps) {
        var list = new UnorderedList();
        for (var n : queries.notifications()) {
            list.add(new ListItem(timestamps.absolute(n.createdAt()) + " · " + n.integrationName() + " · "
                    + (n.kind().equals("QUALITY_ASSURANCE") ? "Quality assurance" : "Credentials invalid") + ": "
                    + n.message()));
        }
        var details = new Details("Support notifications (" + list.getChildren().count() + ")", list);
        details.setId("health-notifications");
        return details;
    }

    static Component help() {
        var list = new UnorderedList();
        list.add(new ListItem("Active — Active: the last run completed and data is flowing; Waiting for first run: "
                + "scheduled, no run has finished yet. No action needed."));
        list.add(new ListItem("Warning — Sync has warnings (a partial fetch, a missing field, rate limited), "
                + "Setup (finish setup: configure the filters). Open the integration and review the message."));
        list.add(new ListItem("Error — Sync failing, Authentication failing, Credentials invalid (every run for three "
                + "days failed on authentication; paused until you reconnect): re-authenticate or fix the configuration. "
                + "Quality assurance (the first run had problems — a rate limit alone is not one): the integration is "
                + "stopped, our engineering team is notified and re-enables it; no action needed from you."));
        list.add(new ListItem("Paused — Inactive (paused manually, or a development integration without API requests "
                + "for two weeks) and Deleted. Resume it from the integration page when you're ready."));
        list.add(new ListItem("Timestamps under 7 hours are relative (\"2 hours ago\"), older ones absolute. "
                + "\"No data\" means it ran but nothing new matched the import criteria yet. "
                + "Gap: runs happen but nothing saved for over 7 days or 24 scheduled intervals; "
                + "Overdue: no run for more than 2 scheduled intervals."));
        var details = new Details("What the statuses mean", list);
        details.setId("health-help");
        return details;
    }
}
