package io.syncwatch.imports.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * De-duplication by the source platform's unique reference per integration (spec 001, step 3):
 * a new reference is inserted; an existing one the source has updated since is refreshed on the
 * same record; an unchanged one is skipped as a duplicate.
 */
public enum DedupDecision {
    INSERT, REFRESH, SKIP_DUPLICATE;

    /** {@code storedUpdatedAt} is the source's update time saved with the existing record, if any. */
    public static DedupDecision decide(@Nullable Instant storedUpdatedAt, Instant sourceUpdatedAt) {
        if (storedUpdatedAt == null) {
            return INSERT;
        }
        // Compared in whole seconds: that is what every source reports and what every database keeps
        // (MariaDB behind MySQL's driver drops fractions).
        return sourceUpdatedAt.truncatedTo(ChronoUnit.SECONDS).isAfter(storedUpdatedAt.truncatedTo(ChronoUnit.SECONDS))
                ? REFRESH : SKIP_DUPLICATE;
    }
}
