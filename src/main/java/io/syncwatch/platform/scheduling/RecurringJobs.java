package io.syncwatch.platform.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * How a module declares a periodic job: return one of these as a {@code @Bean} and the kernel's
 * scheduler runs it, on one instance at a time, once per slot across all instances. A job that
 * fails is tried again at its next slot; one whose instance died is revived by another.
 */
public final class RecurringJobs {

    private RecurringJobs() {
    }

    /** Every {@code every} after the previous run ended; the first run {@code initialDelay} after the first start. */
    public static RecurringTask<Void> every(String name, Duration every, Duration initialDelay, Runnable job) {
        return Tasks.recurring(name, new FixedDelayAfterStart(every, initialDelay))
                .execute((instance, context) -> job.run());
    }

    /** At the times of a Spring-style cron expression (six fields, seconds first), in UTC. */
    public static RecurringTask<Void> cron(String name, String cron, Runnable job) {
        return Tasks.recurring(name, Schedules.cron(cron, ZoneOffset.UTC)).execute((instance, context) -> job.run());
    }

    /** db-scheduler's fixed delay, with the first execution some time after the first start. */
    record FixedDelayAfterStart(Duration every, Duration initialDelay) implements Schedule {

        @Override
        public Instant getNextExecutionTime(ExecutionComplete complete) {
            return complete.getTimeDone().plus(every);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(initialDelay);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
