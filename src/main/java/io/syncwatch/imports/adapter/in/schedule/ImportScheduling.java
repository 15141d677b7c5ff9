package io.syncwatch.imports.adapter.in.schedule;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.Scheduler;

import io.syncwatch.imports.application.port.in.ScheduledImports;

/**
 * Creates and runs the db-scheduler {@link Scheduler} on the application's DataSource (table
 * {@code scheduled_tasks}, created by this module's migration). Switched off with
 * {@code syncwatch.imports.scheduler.enabled=false} (tests build their own schedulers).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "syncwatch.imports.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class ImportScheduling {

    @Bean
    ImportTasks importTasks(ScheduledImports imports,
            @Value("${syncwatch.imports.scheduler.check-every:30s}") Duration checkEvery) {
        return new ImportTasks(imports, checkEvery, 50);
    }

    @Bean
    Scheduler importScheduler(DataSource dataSource, ImportTasks tasks,
            @Value("${syncwatch.imports.scheduler.polling-interval:10s}") Duration polling,
            @Value("${syncwatch.imports.scheduler.threads:4}") int threads) {
        return Scheduler.create(dataSource, tasks.run()).startTasks(tasks.dueCheck()).pollingInterval(polling)
                .threads(threads).enableImmediateExecution().registerShutdownHook().build();
    }

    @Bean
    SmartLifecycle importSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
