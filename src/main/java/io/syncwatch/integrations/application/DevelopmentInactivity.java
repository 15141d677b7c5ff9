package io.syncwatch.integrations.application;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationMarkedInactive;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.application.port.out.IntegrationStore;
import io.syncwatch.integrations.domain.Integration;

/**
 * The 14-day rule of development integrations (spec 002): every API request keeps one alive; one
 * that saw none for 14 days is marked inactive.
 */
@Service
@Transactional
class DevelopmentInactivity {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentInactivity.class);

    private final AccountIntegrations account;
    private final IntegrationStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DevelopmentInactivity(AccountIntegrations account, IntegrationStore store, Clock clock,
            ApplicationEventPublisher events) {
        this.account = account;
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    void recordApiRequest(IntegrationId id) {
        Integration integration = account.mine(id);
        store.touchApiRequest(integration.accountId(), id, clock.instant());
    }

    int markIdleDevelopmentIntegrationsInactive() {
        Instant now = clock.instant();
        int count = 0;
        for (Integration integration : store.developmentCandidates()) {
            if (integration.markInactiveIfIdle(now)) {
                IntegrationSnapshot snapshot = store.save(integration).snapshot();
                events.publishEvent(new IntegrationMarkedInactive(snapshot, String.valueOf(snapshot.pauseDetail()), now));
                log.info("Development integration {} marked inactive: {}", snapshot.id(), snapshot.pauseDetail());
                count++;
            }
        }
        return count;
    }
}
