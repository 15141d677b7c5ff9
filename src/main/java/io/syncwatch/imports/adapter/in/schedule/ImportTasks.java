package io.syncwatch.imports.adapter.in.schedule;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.integrations.IntegrationId;

/**
 * The two db-scheduler tasks: a recurring check "import-due-integrations" that turns each due
 * integration into a one-time execution "import-integration" (instance = integration id; existing
 * ones are left alone), and that execution, which runs the import. db-scheduler picks each
 * execution on exactly one instance, and re-runs executions of a dead instance after restart.
 */
public final class ImportTasks {

    public static final String DUE_CHECK = "import-due-integrations";
    public static final String RUN = "import-integration";

    private final OneTimeTask<Void> run;
    private final RecurringTask<Void> dueCheck;

    public ImportTasks(ScheduledImports imports, Duration checkEvery, int batch) {
        this.run = Tasks.oneTime(RUN).execute((instance, context) -> imports
                .runScheduled(IntegrationId.of(Long.parseLong(instance.getId()))));
        this.dueCheck = Tasks.recurring(DUE_CHECK, FixedDelay.of(checkEvery)).execute((instance, context) -> {
            for (IntegrationId id : imports.dueIntegrations(batch)) {
                context.getSchedulerClient().scheduleIfNotExists(run.instance(id.toString()), Instant.now());
            }
        });
    }

    public OneTimeTask<Void> run() {
        return run;
    }

    public RecurringTask<Void> dueCheck() {
        return dueCheck;
    }
}
