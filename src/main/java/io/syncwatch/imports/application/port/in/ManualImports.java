package io.syncwatch.imports.application.port.in;

import java.time.LocalDate;
import java.util.Optional;

import io.syncwatch.imports.domain.RunSummary;

import io.syncwatch.imports.ImportRunId;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** What a user starts from the integration page: run now, import one conversation, backfill. */
public interface ManualImports {

    /** Starts a whole import in the background. */
    ImportRunId runNow(AccountId account, IntegrationId integration, String actor);

    /** Imports one conversation by its source reference, synchronously, and says what happened. */
    SingleImportAnswer importOne(AccountId account, IntegrationId integration, String reference, String actor);

    /** Re-reads the window since {@code from} with the current filters, in the background. */
    ImportRunId startBackfill(AccountId account, IntegrationId integration, LocalDate from, String actor);

    /** Asks a running backfill to stop after its current page. */
    boolean cancel(AccountId account, ImportRunId run, String actor);

    Optional<RunSummary> run(AccountId account, ImportRunId run);

    /** Whether the integration's platform supports importing one conversation, and what it calls a reference. */
    Optional<String> singleImportReferenceLabel(String platform);
}
