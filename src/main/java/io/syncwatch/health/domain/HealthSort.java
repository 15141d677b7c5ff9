package io.syncwatch.health.domain;

/** A sort order of the Platforms tab; every column is sortable, ties are broken by name. */
public record HealthSort(Column column, boolean ascending) {

    public enum Column {
        NAME, PLATFORM, STATUS, LAST_RAN_AT, LAST_DATA_IMPORTED, NEXT_RUN, SCHEDULE
    }

    /** The default: attention needed (Error, Warning, Paused, Active), then name. */
    public static HealthSort byStatus() {
        return new HealthSort(Column.STATUS, true);
    }
}
