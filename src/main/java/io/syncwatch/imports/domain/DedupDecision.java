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
        // Stored timestamps keep microseconds: compare at that precision.
        return sourceUpdatedAt.truncatedTo(ChronoUnit.MICROS).isAfter(storedUpdatedAt.truncatedTo(ChronoUnit.MICROS))
                ? REFRESH : SKIP_DUPLICATE;
    }
}
