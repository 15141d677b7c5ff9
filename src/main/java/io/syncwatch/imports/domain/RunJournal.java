package io.syncwatch.imports.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.RunOutcome;

/**
 * What happened during one run, and the rules that turn it into an outcome: a failure ends the
 * run as failed, except a rate limit, which is a warning (the next run resumes at the checkpoint);
 * skipped malformed records, partial fetches or a cancellation make it succeed with warnings.
 * The message is the most recent one, in full.
 */
public final class RunJournal {

    private ImportCounts counts = ImportCounts.zero();
    private final List<String> warnings = new ArrayList<>();
    private @Nullable FailureCategory failure;
    private @Nullable String failureMessage;
    private @Nullable Instant lastRecordSavedAt;
    private @Nullable String note;

    /** A resumed run goes on counting from what its earlier executions saved. */
    public static RunJournal resuming(ImportCounts saved, @Nullable Instant lastRecordSavedAt) {
        var journal = new RunJournal();
        journal.counts = saved;
        journal.lastRecordSavedAt = lastRecordSavedAt;
        return journal;
    }

    public void add(ImportCounts page, Instant savedAt) {
        counts = counts.plus(page);
        if (page.saved() > 0) {
            lastRecordSavedAt = savedAt;
        }
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    /** A message that replaces the summary of a clean run (e.g. a single conversation's answer). */
    public void note(String message) {
        this.note = message;
    }

    public void fail(FailureCategory category, String message) {
        this.failure = category;
        this.failureMessage = message;
    }

    public ImportCounts counts() {
        return counts;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public @Nullable FailureCategory failureCategory() {
        return failure;
    }

    public @Nullable Instant lastRecordSavedAt() {
        return lastRecordSavedAt;
    }

    public RunOutcome outcome() {
        if (failure == FailureCategory.RATE_LIMITED) {
            return RunOutcome.RATE_LIMITED;
        }
        if (failure != null) {
            return RunOutcome.FAILED;
        }
        return warnings.isEmpty() ? RunOutcome.SUCCEEDED : RunOutcome.SUCCEEDED_WITH_WARNINGS;
    }

    /** The most recent message in full: the failure, else the last warning, else a summary. */
    public String message() {
        if (failureMessage != null) {
            return failureMessage;
        }
        if (!warnings.isEmpty()) {
            String last = warnings.getLast();
            return warnings.size() == 1 ? last : last + " (" + (warnings.size() - 1) + " earlier warnings in the run log)";
        }
        if (note != null) {
            return note;
        }
        if (counts.fetched() == 0) {
            return "No new conversations at the source";
        }
        return summary();
    }

    public String summary() {
        return "Fetched " + counts.fetched() + ", imported " + counts.imported() + ", refreshed " + counts.updated()
                + ", skipped by filter " + counts.skippedByFilter() + ", duplicates " + counts.skippedAsDuplicate()
                + (counts.skippedMalformed() > 0 ? ", malformed " + counts.skippedMalformed() : "");
    }
}
