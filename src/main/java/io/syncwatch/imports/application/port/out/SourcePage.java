package io.syncwatch.imports.application.port.out;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.syncwatch.imports.domain.SourceRecord;

/**
 * A page of records and the checkpoint to store with them. {@code endOfStream} says that the
 * source has nothing newer for now (the run ends after this page); {@code warnings} carries a
 * partial fetch or other non-fatal problems the connector met (the run then ends with warnings).
 */
public record SourcePage(List<SourceRecord> records, @Nullable String nextCheckpoint, boolean endOfStream,
        List<String> warnings) {

    public SourcePage {
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
    }

    public static SourcePage of(List<SourceRecord> records, @Nullable String nextCheckpoint, boolean endOfStream) {
        return new SourcePage(records, nextCheckpoint, endOfStream, List.of());
    }
}
