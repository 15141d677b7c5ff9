package io.syncwatch.platform.adapter.in.schedule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.syncwatch.platform.application.PlatformProperties;
import io.syncwatch.platform.application.port.in.SignInThrottling;
import io.syncwatch.platform.scheduling.RecurringJobs;

/**
 * Every {@code syncwatch.security.sign-in.housekeeping-interval} (an hour): forgets sign-in
 * budgets that are full again and sign-ins older than 90 days, at most
 * {@code housekeeping-max-rows} of each per run (in chunks of 1,000, so no run holds locks for
 * long; a backlog goes at the next runs). A recurring job of the kernel's scheduler: one instance
 * at a time.
 */
@Configuration(proxyBeanMethods = false)
class SignInHousekeeping {

    @Bean
    RecurringTask<Void> signInHousekeepingTask(SignInThrottling throttling,
            PlatformProperties properties) {
        PlatformProperties.SignIn signIn = properties.security().signIn();
        int maxRows = signIn.housekeepingMaxRows();
        return RecurringJobs.every("sign-in-housekeeping", signIn.housekeepingInterval(), signIn.housekeepingInitialDelay(),
                () -> throttling.forgetExpired(maxRows));
    }
}
