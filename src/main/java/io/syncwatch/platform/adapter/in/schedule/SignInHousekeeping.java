package io.syncwatch.platform.adapter.in.schedule;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.syncwatch.platform.application.port.in.SignInThrottling;

/**
 * Every {@code syncwatch.security.sign-in.housekeeping-interval} (an hour): forgets sign-in
 * budgets that are full again and sign-ins older than 90 days, at most
 * {@code housekeeping-max-rows} of each per run (in chunks of 1,000, so no run holds locks for
 * long; a backlog goes at the next runs). Running it on several instances at once is harmless:
 * each row goes once. To move onto the kernel's cluster scheduler (db-scheduler) with the other
 * periodic jobs once that lands on main.
 */
@Component
class SignInHousekeeping {

    private final SignInThrottling throttling;
    private final int maxRows;

    SignInHousekeeping(SignInThrottling throttling,
            @Value("${syncwatch.security.sign-in.housekeeping-max-rows:100000}") int maxRows) {
        this.throttling = throttling;
        this.maxRows = maxRows;
    }

    @Scheduled(fixedDelayString = "${syncwatch.security.sign-in.housekeeping-interval:PT1H}",
            initialDelayString = "${syncwatch.security.sign-in.housekeeping-initial-delay:PT5M}")
    void forgetExpired() {
        throttling.forgetExpired(maxRows);
    }
}
