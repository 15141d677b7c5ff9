package io.syncwatch.integrations.application;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationNotFound;
import io.syncwatch.integrations.IntegrationPaused;
import io.syncwatch.integrations.IntegrationResumed;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.application.port.out.IntegrationStore;
import io.syncwatch.integrations.domain.Integration;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;

/**
 * Stopping and restarting integrations: the user's Pause and Resume (the Platforms tab's bulk
 * actions too), the automatic holds for invalid credentials and for quality assurance, and
 * Syncwatch support's re-enable after quality assurance (decision 0008).
 */
@Service
@Transactional
class PauseAndResume {

    private static final Logger log = LoggerFactory.getLogger(PauseAndResume.class);

    private final AccountIntegrations account;
    private final IntegrationStore store;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PauseAndResume(AccountIntegrations account, IntegrationStore store, CurrentUser currentUser, Clock clock,
            ApplicationEventPublisher events) {
        this.account = account;
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
    }

    /** The signed-in user's Pause. */
    IntegrationSnapshot pause(IntegrationId id) {
        return pause(account.mine(id), PauseReason.MANUAL, null, currentUser.actorName());
    }

    /** The signed-in user's Resume; for Syncwatch support it also re-enables a quality-assurance hold. */
    IntegrationSnapshot resume(IntegrationId id) {
        Integration integration = account.mine(id);
        if (integration.heldForQualityAssurance() && currentUser.isSyncwatchSupport()) {
            // spec 002: Syncwatch re-enables it once the issue is resolved (decision 0008)
            Instant now = clock.instant();
            integration.reEnableAfterQualityAssurance(currentUser.actorName(), now);
            IntegrationSnapshot snapshot = store.save(integration).snapshot();
            log.info("Integration {} re-enabled after quality assurance by Syncwatch support ({})",
                    snapshot.id(), currentUser.actorName());
            events.publishEvent(new IntegrationResumed(snapshot, currentUser.actorName(), now));
            return snapshot;
        }
        return resume(integration, currentUser.actorName());
    }

    boolean mayReEnableAfterQualityAssurance() {
        return currentUser.isSyncwatchSupport();
    }

    /** Another module's Pause on behalf of an actor (the Platforms tab's bulk action). */
    void pause(AccountId accountId, IntegrationId integration, String actor) {
        pause(store.find(accountId, integration).orElseThrow(() -> new IntegrationNotFound(integration)),
                PauseReason.MANUAL, null, actor);
    }

    /** Another module's Resume; never re-enables a quality-assurance hold, not even for support staff (decision 0008). */
    void resume(AccountId accountId, IntegrationId integration, String actor) {
        resume(store.find(accountId, integration).orElseThrow(() -> new IntegrationNotFound(integration)), actor);
    }

    void holdForInvalidCredentials(IntegrationId integration, String detail) {
        store.findAnyAccount(integration).filter(i -> i.lifecycle() != Lifecycle.DELETED)
                .ifPresent(i -> pause(i, PauseReason.CREDENTIALS_INVALID, detail, "system"));
    }

    void holdForQualityAssurance(IntegrationId integration, String detail) {
        store.findAnyAccount(integration).filter(i -> i.lifecycle() != Lifecycle.DELETED)
                .ifPresent(i -> pause(i, PauseReason.QUALITY_ASSURANCE, detail, "system"));
    }

    private IntegrationSnapshot pause(Integration integration, PauseReason reason, @Nullable String detail, String actor) {
        Instant now = clock.instant();
        if (!integration.pause(reason, detail, actor, now)) {
            return integration.snapshot();
        }
        IntegrationSnapshot snapshot = store.save(integration).snapshot();
        events.publishEvent(new IntegrationPaused(snapshot, actor, now));
        return snapshot;
    }

    private IntegrationSnapshot resume(Integration integration, String actor) {
        Instant now = clock.instant();
        if (!integration.resume(actor, now)) {
            return integration.snapshot();
        }
        IntegrationSnapshot snapshot = store.save(integration).snapshot();
        events.publishEvent(new IntegrationResumed(snapshot, actor, now));
        return snapshot;
    }
}
