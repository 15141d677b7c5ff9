package io.syncwatch.integrations.adapter.in.ui;

import java.time.Clock;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;

import io.syncwatch.integrations.domain.AuditEntry;
import io.syncwatch.platform.shell.DateTimes;

/** An integration's audit trail: when, who, what and the detail of every change, times in the viewer's zone. */
class AuditTrail extends Grid<AuditEntry> {

    private final Clock clock;

    AuditTrail(Clock clock) {
        super(AuditEntry.class, false);
        this.clock = clock;
    }

    /** Shows {@code trail}, its times in the current viewer's zone. */
    void show(List<AuditEntry> trail) {
        var times = DateTimes.forViewer(UI.getCurrent());
        removeAllColumns();
        addColumn(a -> times.format(a.at(), clock.instant())).setHeader("When").setAutoWidth(true);
        addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
        addColumn(AuditEntry::action).setHeader("What").setAutoWidth(true);
        addColumn(AuditEntry::detail).setHeader("Detail").setFlexGrow(1);
        setAllRowsVisible(true);
        setId("audit-trail");
        setItems(trail);
    }

    /** "Deleted on Nov 23, 2026 8:00 AM by Ada. Imported contacts are kept; this page is read-only." */
    static String deletedNote(List<AuditEntry> trail, DateTimes times) {
        return trail.stream().filter(a -> a.action().equals("Deleted")).findFirst()
                .map(a -> "Deleted on " + times.absolute(a.at()) + " by " + a.actor() + ". ")
                .orElse("Deleted. ") + "Imported contacts are kept; this page is read-only.";
    }
}
