package io.syncwatch.imports.adapter.out.schedule;

import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import io.syncwatch.imports.application.port.out.ImportExecutions;
import io.syncwatch.integrations.IntegrationId;

/**
 * The execution "import-integration" with the integration's id as its instance, on the kernel's
 * scheduler (its DataSource is transaction-aware: scheduling joins the caller's transaction).
 */
@Component
class SchedulerImportExecutions implements ImportExecutions {

    /** The task name; the imports' task registration ({@code ImportTasks}) uses the same. */
    static final String RUN = "import-integration";

    // looked up when used: the scheduler is built from the tasks, and the import task needs this
    private final ObjectProvider<Scheduler> schedulers;

    SchedulerImportExecutions(ObjectProvider<Scheduler> schedulers) {
        this.schedulers = schedulers;
    }

    @Override
    public boolean running(IntegrationId integration) {
        return schedulers.getObject().getScheduledExecution(TaskInstanceId.of(RUN, integration.toString()))
                .map(ScheduledExecution::isPicked).orElse(false);
    }

    @Override
    public void executeSoon(IntegrationId integration) {
        Scheduler scheduler = schedulers.getObject();
        Instant now = Instant.now();
        var instance = new TaskInstance<Void>(RUN, integration.toString());
        if (!scheduler.scheduleIfNotExists(instance, now) && !scheduler.reschedule(instance, now)) {
            // it ended between the two calls
            scheduler.scheduleIfNotExists(instance, now);
        }
        // the scheduler sees the execution once the caller's transaction has committed: look at once then
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.triggerCheckForDueExecutions();
                }
            });
        } else {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
