package io.syncwatch.imports;

/** Identifies one import run. */
public record ImportRunId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
