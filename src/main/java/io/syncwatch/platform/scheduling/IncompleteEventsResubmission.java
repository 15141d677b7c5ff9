package io.syncwatch.platform.scheduling;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Resubmits event publications that are still incomplete after {@code syncwatch.events.resubmit-after}
 * (1 minute): a listener that failed (a lock wait, a deadlock, the database away) gets the event
 * again without waiting for a restart. A recurring task of the kernel's scheduler, so one instance
 * at a time does it ({@code syncwatch.events.resubmit-every}, 1 minute). Listeners are idempotent
 * per event; one that is still running after the minute may see its event a second time.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "syncwatch.events.resubmission.enabled", havingValue = "true", matchIfMissing = true)
class IncompleteEventsResubmission {

    static final String TASK = "resubmit-incomplete-event-publications";
    private static final Logger log = LoggerFactory.getLogger(IncompleteEventsResubmission.class);

    @Bean
    RecurringTask<Void> resubmitIncompleteEventPublications(IncompleteEventPublications publications,
            EventsSettings settings) {
        Duration every = settings.resubmitEvery();
        Duration after = settings.resubmitAfter();
        return Tasks.recurring(TASK, FixedDelay.of(every)).execute((instance, context) -> {
            log.debug("Resubmitting event publications incomplete for more than {}", after);
            publications.resubmitIncompletePublicationsOlderThan(after);
        });
    }
}
