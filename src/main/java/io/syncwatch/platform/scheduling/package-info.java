/**
 * The kernel's one scheduler: db-scheduler on the application's database. Every module registers
 * its periodic and claimed jobs as db-scheduler {@code Task} beans ({@code RecurringTask} for a
 * schedule, {@code OneTimeTask}/custom tasks for executions it schedules through the
 * {@link com.github.kagkarlsson.scheduler.SchedulerClient}); the kernel builds the one
 * {@link com.github.kagkarlsson.scheduler.Scheduler} from all of them. db-scheduler runs each due
 * execution on exactly one instance, keeps a heartbeat while it runs, and revives the execution of
 * an instance whose heartbeat stopped (decision 0012).
 */
@NamedInterface("scheduling")
@NullMarked
package io.syncwatch.platform.scheduling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
