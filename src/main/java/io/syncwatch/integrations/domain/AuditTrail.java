package io.syncwatch.integrations.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.Schedule;

/**
 * The audit entries an {@link Integration} has recorded since it was last stored, in the words the
 * audit trail shows (the store appends them on save).
 */
final class AuditTrail {

    private final List<AuditEntry> pending = new ArrayList<>();

    void record(String actor, Instant at, String action, String detail) {
        pending.add(new AuditEntry(at, actor, action, detail));
    }

    /** The entries recorded since the last call. */
    List<AuditEntry> drain() {
        var drained = List.copyOf(pending);
        pending.clear();
        return drained;
    }

    static String paused(PauseReason reason) {
        return switch (reason) {
            case MANUAL -> "Paused";
            case DEVELOPMENT_INACTIVITY -> "Marked inactive";
            case CREDENTIALS_INVALID -> "Paused: credentials invalid";
            case QUALITY_ASSURANCE -> "Stopped for quality assurance";
        };
    }

    /** The end of a pause for this reason. */
    static String resumed(PauseReason reason) {
        return switch (reason) {
            case MANUAL -> "Resumed";
            case DEVELOPMENT_INACTIVITY -> "Reactivated";
            case CREDENTIALS_INVALID -> "Resumed after new credentials";
            case QUALITY_ASSURANCE -> "Re-enabled after quality assurance";
        };
    }

    /** What an edit of name, schedule and environment changes, one phrase per setting; empty when nothing. */
    static List<String> settingsChanges(String name, Schedule schedule, Environment environment, String newName,
            Schedule newSchedule, Environment newEnvironment) {
        List<String> changes = new ArrayList<>();
        if (!newName.equals(name)) {
            changes.add("name '" + name + "' → '" + newName + "'");
        }
        if (newSchedule != schedule) {
            changes.add("schedule " + schedule.label() + " → " + newSchedule.label());
        }
        if (newEnvironment != environment) {
            changes.add("environment " + environment.label() + " → " + newEnvironment.label());
        }
        return changes;
    }
}
