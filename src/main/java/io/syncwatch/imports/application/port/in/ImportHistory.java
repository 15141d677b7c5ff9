package io.syncwatch.imports.application.port.in;

import java.util.List;

import io.syncwatch.imports.domain.DailyImports;
import io.syncwatch.imports.domain.RunLogLine;
import io.syncwatch.imports.domain.RunSummary;

import io.syncwatch.imports.ImportRunId;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** An integration's runs, their log lines and the records imported per day. */
public interface ImportHistory {

    List<RunSummary> runs(AccountId account, IntegrationId integration, int offset, int limit);

    long countRuns(AccountId account, IntegrationId integration);

    List<RunLogLine> logLines(AccountId account, ImportRunId run);

    /** One entry per day for the last {@code days} days (including today), zeros included. */
    List<DailyImports> dailyImports(AccountId account, IntegrationId integration, int days);
}
