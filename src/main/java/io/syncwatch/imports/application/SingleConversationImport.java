package io.syncwatch.imports.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.imports.application.port.in.SingleImportAnswer;
import io.syncwatch.imports.application.port.in.SingleImportAnswer.Kind;
import io.syncwatch.imports.application.port.out.ContactStore;
import io.syncwatch.imports.application.port.out.ImportRuns;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.domain.DedupDecision;
import io.syncwatch.imports.domain.Eligibility;
import io.syncwatch.imports.domain.ImportIntegration;
import io.syncwatch.imports.domain.ImportPolicy;
import io.syncwatch.imports.domain.RunJournal;
import io.syncwatch.imports.domain.SourceConversation;

/**
 * Spec 001, step 5 in one click: pulls one conversation by its source reference through the same
 * filters and de-duplication as a run, reports it as a run with trigger "single conversation" and
 * says exactly what happened.
 */
@Service
class SingleConversationImport {

    private final SourcePlatforms platforms;
    private final ImportPipeline pipeline;
    private final ContactStore contacts;
    private final ImportRuns runs;
    private final TransactionTemplate tx;
    private final Clock clock;

    SingleConversationImport(SourcePlatforms platforms, ImportPipeline pipeline, ContactStore contacts, ImportRuns runs,
            TransactionTemplate tx, Clock clock) {
        this.platforms = platforms;
        this.pipeline = pipeline;
        this.contacts = contacts;
        this.runs = runs;
        this.tx = tx;
        this.clock = clock;
    }

    SingleImportAnswer importOne(ImportIntegration integration, String reference, String actor) {
        var connector = platforms.connector(integration.platform());
        if (connector.isEmpty() || !connector.get().descriptor().supportsSingleConversationImport()) {
            return new SingleImportAnswer(Kind.NOT_SUPPORTED, "This platform does not support importing a single conversation",
                    null);
        }
        String ref = reference.trim();
        ImportRunId run = pipeline.open(integration, RunTrigger.SINGLE_CONVERSATION, actor, null);
        var journal = new RunJournal();
        SingleImportAnswer answer;
        try {
            Optional<SourceConversation> found = connector.get().fetchOne(pipeline.credentialsOf(integration), ref);
            answer = found.map(c -> save(integration, run, c, journal)).orElseGet(() -> {
                journal.add(ImportCounts.zero(), clock.instant());
                return new SingleImportAnswer(Kind.NOT_FOUND, "Conversation '" + ref + "' was not found at the source", run);
            });
        } catch (SourceFailure failure) {
            journal.fail(failure.category(), failure.getMessage());
            answer = new SingleImportAnswer(Kind.FAILED, failure.category().label() + ": " + failure.getMessage(), run);
        }
        if (journal.failureCategory() == null) {
            journal.note(answer.message());
        }
        pipeline.finish(integration, run, RunTrigger.SINGLE_CONVERSATION, journal, runs.find(integration.accountId(), run)
                .map(r -> r.startedAt()).orElse(clock.instant()), null);
        return answer;
    }

    private SingleImportAnswer save(ImportIntegration integration, ImportRunId run, SourceConversation c, RunJournal journal) {
        Instant now = clock.instant();
        Eligibility eligibility = new ImportPolicy(integration.filters()).evaluate(c);
        Instant stored = contacts.storedUpdatedAt(integration.id(), List.of(c.reference())).get(c.reference());
        // Filters decide what is imported; a contact imported before is kept up to date even when
        // it no longer matches (re-opened, say): spec 001, step 3.
        if (!eligibility.eligible() && stored == null) {
            journal.add(new ImportCounts(1, 0, 0, 1, 0, 0), now);
            return new SingleImportAnswer(Kind.EXCLUDED_BY_FILTER, "Conversation '" + c.reference()
                    + "' is excluded by a filter: " + eligibility.reason(), run);
        }
        DedupDecision decision = DedupDecision.decide(stored, c.updatedAt());
        if (decision == DedupDecision.SKIP_DUPLICATE) {
            journal.add(new ImportCounts(1, 0, 0, 0, 1, 0), now);
            return new SingleImportAnswer(Kind.ALREADY_PRESENT, "Conversation '" + c.reference()
                    + "' is already imported and unchanged at the source", run);
        }
        boolean insert = decision == DedupDecision.INSERT;
        tx.executeWithoutResult(status -> {
            contacts.save(integration.accountId(), integration.id(), insert ? List.of(c) : List.of(),
                    insert ? List.of() : List.of(c), now);
            runs.addDaily(integration.accountId(), integration.id(), LocalDate.ofInstant(now, ZoneOffset.UTC),
                    insert ? 1 : 0, insert ? 0 : 1);
        });
        journal.add(new ImportCounts(1, insert ? 1 : 0, insert ? 0 : 1, 0, 0, 0), now);
        return insert
                ? new SingleImportAnswer(Kind.IMPORTED, "Conversation '" + c.reference() + "' was imported", run)
                : new SingleImportAnswer(Kind.REFRESHED, "Conversation '" + c.reference()
                        + "' was already imported; its metadata was refreshed on the existing record", run);
    }
}
