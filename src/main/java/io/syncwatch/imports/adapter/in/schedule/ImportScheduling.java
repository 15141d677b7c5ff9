package io.syncwatch.imports.adapter.in.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.syncwatch.imports.application.ImportsProperties;
import io.syncwatch.imports.application.port.in.ScheduledImports;

/**
 * Registers the imports' tasks with the kernel's scheduler ({@code platform::scheduling}): the
 * execution that runs one integration's import, and the recurring due check, which is switched off
 * with {@code syncwatch.imports.scheduler.enabled=false} (tests drive imports by hand).
 */
@Configuration(proxyBeanMethods = false)
class ImportScheduling {

    @Bean
    ImportTasks importTasks(ScheduledImports imports, ImportsProperties properties) {
        return new ImportTasks(imports, properties.scheduler().checkEvery(), 50);
    }

    @Bean
    CustomTask<Void> importRunTask(ImportTasks tasks) {
        return tasks.run();
    }

    @Bean
    @ConditionalOnProperty(name = "syncwatch.imports.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> importDueCheckTask(ImportTasks tasks) {
        return tasks.dueCheck();
    }
}
