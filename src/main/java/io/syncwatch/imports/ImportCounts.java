package io.syncwatch.imports;

/** What a run did with the conversations it fetched. */
public record ImportCounts(long fetched, long imported, long updated, long skippedByFilter, long skippedAsDuplicate,
        long skippedMalformed) {

    public static ImportCounts zero() {
        return new ImportCounts(0, 0, 0, 0, 0, 0);
    }

    /** Records saved (new or refreshed). */
    public long saved() {
        return imported + updated;
    }

    public ImportCounts plus(ImportCounts other) {
        return new ImportCounts(fetched + other.fetched, imported + other.imported, updated + other.updated,
                skippedByFilter + other.skippedByFilter, skippedAsDuplicate + other.skippedAsDuplicate,
                skippedMalformed + other.skippedMalformed);
    }
}
