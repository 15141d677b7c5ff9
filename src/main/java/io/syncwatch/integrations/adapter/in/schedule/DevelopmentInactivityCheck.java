package io.syncwatch.integrations.adapter.in.schedule;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.syncwatch.integrations.application.port.in.IntegrationManagement;

/**
 * Hourly: development integrations without an API request for 14 days become inactive. Running
 * it twice (or on two instances) is harmless: an inactive integration is not a candidate.
 */
@Component
class DevelopmentInactivityCheck {

    private final IntegrationManagement integrations;

    DevelopmentInactivityCheck(IntegrationManagement integrations) {
        this.integrations = integrations;
    }

    @Scheduled(fixedDelayString = "${syncwatch.integrations.inactivity-check-interval:PT1H}",
            initialDelayString = "${syncwatch.integrations.inactivity-check-initial-delay:PT1M}")
    void check() {
        integrations.markIdleDevelopmentIntegrationsInactive();
    }
}
