package io.syncwatch.integrations.adapter.in.schedule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.syncwatch.integrations.application.IntegrationsProperties;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.platform.scheduling.RecurringJobs;

/**
 * Hourly: development integrations without an API request for 14 days become inactive. A
 * recurring job of the kernel's scheduler (one instance at a time); running it twice would be
 * harmless anyway: an inactive integration is not a candidate.
 */
@Configuration(proxyBeanMethods = false)
class DevelopmentInactivityCheck {

    @Bean
    RecurringTask<Void> developmentInactivityCheckTask(IntegrationManagement integrations,
            IntegrationsProperties properties) {
        return RecurringJobs.every("development-inactivity-check", properties.inactivityCheckInterval(),
                properties.inactivityCheckInitialDelay(),
                integrations::markIdleDevelopmentIntegrationsInactive);
    }
}
