package io.syncwatch.agentrequests.adapter.in.schedule;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.syncwatch.agentrequests.application.RequestLogRetention;
import io.syncwatch.platform.scheduling.RecurringJobs;

/** Purges the request log past its retention daily ({@code syncwatch.agentrequests.retention-cron}, UTC), on one instance. */
@Configuration(proxyBeanMethods = false)
class RequestLogRetentionSchedule {

    @Bean
    RecurringTask<Void> requestLogRetentionTask(RequestLogRetention retention,
            @Value("${syncwatch.agentrequests.retention-cron:0 17 3 * * *}") String cron) {
        return RecurringJobs.cron("request-log-retention", cron, retention::purge);
    }
}
