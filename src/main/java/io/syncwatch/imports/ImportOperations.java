package io.syncwatch.imports;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** What other modules may ask the imports module to do (e.g. bulk "Run now" on the Platforms tab). */
public interface ImportOperations {

    /** Starts a whole import in the background; fails if the integration is not runnable. */
    ImportRunId runNow(AccountId account, IntegrationId integration, String actor);
}
