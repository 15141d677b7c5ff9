package io.syncwatch.imports.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.application.port.out.ContactStore;
import io.syncwatch.imports.application.port.out.ImportIntegrations;
import io.syncwatch.imports.application.port.out.ImportRuns;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.domain.DedupDecision;
import io.syncwatch.imports.domain.ImportIntegration;
import io.syncwatch.imports.domain.ImportPolicy;
import io.syncwatch.imports.domain.RunJournal;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.imports.domain.SourceRecord;

/**
 * One page of an import run, the pipeline's unit of work: its records sorted into malformed
 * (skipped with a warning naming them), excluded by the filters, duplicates, new contacts and
 * refreshed ones, then saved with the checkpoint in one transaction, so that a run stopped
 * anywhere resumes after the last saved page ({@link ImportPipeline} fetches the pages and ends
 * the run).
 */
@Component
class PageCommit {

    private final ImportIntegrations integrations;
    private final ImportRuns runs;
    private final ContactStore contacts;
    private final TransactionTemplate tx;
    private final Clock clock;

    PageCommit(ImportIntegrations integrations, ImportRuns runs, ContactStore contacts, TransactionTemplate tx,
            Clock clock) {
        this.integrations = integrations;
        this.runs = runs;
        this.contacts = contacts;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Sorts one fetched page and saves it: its contacts, the checkpoint after it (not for a
     * backfill, which re-reads a window without moving the checkpoint), the day's counts, the run's
     * counts and progress, and the page's log lines, in one transaction. {@code windowStart} and
     * {@code runStart} bound the window the progress is measured in.
     */
    void commit(ImportIntegration integration, ImportRunId run, SourcePage page, ImportPolicy policy,
            RunJournal journal, boolean backfill, Instant windowStart, Instant runStart) {
        Instant now = clock.instant();
        long malformed = 0;
        long filtered = 0;
        List<String> warnings = new ArrayList<>();
        Map<String, SourceConversation> eligible = new LinkedHashMap<>();
        // excluded by the filters now: the latest version and the number of records per reference
        Map<String, SourceConversation> excluded = new LinkedHashMap<>();
        Map<String, Long> excludedRecords = new LinkedHashMap<>();
        Instant latest = null;
        for (SourceRecord record : page.records()) {
            switch (record) {
                case SourceRecord.Malformed m -> {
                    malformed++;
                    warnings.add(m.describe());
                }
                case SourceRecord.Valid v -> {
                    SourceConversation c = v.conversation();
                    latest = latest == null || c.updatedAt().isAfter(latest) ? c.updatedAt() : latest;
                    if (!policy.evaluate(c).eligible()) {
                        filtered++;
                        excluded.merge(c.reference(), c, (a, b) -> b.updatedAt().isAfter(a.updatedAt()) ? b : a);
                        excludedRecords.merge(c.reference(), 1L, Long::sum);
                    } else {
                        eligible.merge(c.reference(), c, (a, b) -> b.updatedAt().isAfter(a.updatedAt()) ? b : a);
                    }
                }
            }
        }
        warnings.addAll(page.warnings());
        excluded.keySet().removeAll(eligible.keySet());
        var references = new java.util.LinkedHashSet<>(eligible.keySet());
        references.addAll(excluded.keySet());
        Map<String, Instant> stored = references.isEmpty() ? Map.of()
                : contacts.storedUpdatedAt(integration.id(), references);
        List<SourceConversation> inserts = new ArrayList<>();
        List<SourceConversation> refreshes = new ArrayList<>();
        long duplicates = page.records().size() - malformed - filtered - eligible.size();
        // Filters decide what is imported; a contact imported before that the filters exclude now
        // (re-opened, say) is still refreshed on its record, or skipped as unchanged: spec 001, step 3.
        for (SourceConversation c : excluded.values()) {
            Instant storedAt = stored.get(c.reference());
            if (storedAt == null) {
                continue;
            }
            long records = excludedRecords.get(c.reference());
            filtered -= records;
            if (DedupDecision.decide(storedAt, c.updatedAt()) == DedupDecision.REFRESH) {
                refreshes.add(c);
                duplicates += records - 1;
            } else {
                duplicates += records;
            }
        }
        for (SourceConversation c : eligible.values()) {
            switch (DedupDecision.decide(stored.get(c.reference()), c.updatedAt())) {
                case INSERT -> inserts.add(c);
                case REFRESH -> refreshes.add(c);
                case SKIP_DUPLICATE -> duplicates++;
            }
        }
        var counts = new ImportCounts(page.records().size(), inserts.size(), refreshes.size(), filtered, duplicates,
                malformed);
        journal.add(counts, now);
        warnings.forEach(journal::warn);
        double progress = progress(windowStart, latest, runStart, page.endOfStream());
        tx.executeWithoutResult(status -> {
            contacts.save(integration.accountId(), integration.id(), inserts, refreshes, now);
            if (!backfill && page.nextCheckpoint() != null) {
                integrations.saveCheckpoint(integration.id(), integration.accountId(), page.nextCheckpoint(), now);
            }
            if (counts.saved() > 0) {
                runs.addDaily(integration.accountId(), integration.id(), LocalDate.ofInstant(now, ZoneOffset.UTC),
                        inserts.size(), refreshes.size());
            }
            runs.progress(run, journal.counts(), progress, journal.lastRecordSavedAt());
            for (String warning : warnings) {
                runs.log(run, integration.accountId(), now, "WARN", warning);
            }
            if (counts.fetched() > 0) {
                runs.log(run, integration.accountId(), now, "INFO", "Page: fetched " + counts.fetched() + ", imported "
                        + counts.imported() + ", refreshed " + counts.updated() + ", skipped by filter "
                        + counts.skippedByFilter() + ", duplicates " + counts.skippedAsDuplicate());
            }
        });
    }

    private static double progress(Instant windowStart, @Nullable Instant latest, Instant now, boolean end) {
        if (end) {
            return 1.0;
        }
        if (latest == null || !now.isAfter(windowStart)) {
            return 0.0;
        }
        double done = Duration.between(windowStart, latest).toMillis() / (double) Duration.between(windowStart, now).toMillis();
        return Math.max(0.0, Math.min(0.99, done));
    }
}
