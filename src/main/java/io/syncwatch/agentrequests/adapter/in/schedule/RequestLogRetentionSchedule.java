package io.syncwatch.agentrequests.adapter.in.schedule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.syncwatch.agentrequests.application.AgentRequestsProperties;
import io.syncwatch.agentrequests.application.RequestLogRetention;
import io.syncwatch.platform.scheduling.RecurringJobs;

/** Purges the request log past its retention daily ({@code syncwatch.agentrequests.retention-cron}, UTC), on one instance. */
@Configuration(proxyBeanMethods = false)
class RequestLogRetentionSchedule {

    @Bean
    RecurringTask<Void> requestLogRetentionTask(RequestLogRetention retention, AgentRequestsProperties properties) {
        return RecurringJobs.cron("request-log-retention", properties.retentionCron(), retention::purge);
    }
}
