package io.syncwatch.integrations.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationConfigured;
import io.syncwatch.integrations.IntegrationDeleted;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.InvalidIntegrationInput;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.out.IntegrationStore;
import io.syncwatch.integrations.domain.FilterValidation;
import io.syncwatch.integrations.domain.Integration;
import io.syncwatch.integrations.domain.IntegrationNames;
import io.syncwatch.platform.CurrentUser;

/**
 * The customer admin changes an integration: its filters (which activate one in Setup), its name,
 * schedule and environment, or deletes it. Each change is validated first, saved with its audit
 * entries and published as a past-tense event, in one transaction.
 */
@Service
@Transactional
class ChangeIntegrationSettings {

    private static final Logger log = LoggerFactory.getLogger(ChangeIntegrationSettings.class);

    private final AccountIntegrations account;
    private final IntegrationStore store;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChangeIntegrationSettings(AccountIntegrations account, IntegrationStore store, CurrentUser currentUser, Clock clock,
            ApplicationEventPublisher events) {
        this.account = account;
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
    }

    IntegrationSnapshot configureFilters(IntegrationId id, ImportFilters filters) {
        Integration integration = account.mine(id);
        Map<String, String> problems = FilterValidation.problems(filters, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new InvalidIntegrationInput(problems);
        }
        Instant now = clock.instant();
        Lifecycle before = integration.lifecycle();
        integration.configureFilters(filters, currentUser.actorName(), now);
        IntegrationSnapshot snapshot = store.save(integration).snapshot();
        events.publishEvent(new IntegrationConfigured(snapshot, currentUser.actorName(), now));
        if (before == Lifecycle.SETUP && snapshot.lifecycle() == Lifecycle.ACTIVE) {
            log.info("Integration {} finished setup and is active", id);
        }
        return snapshot;
    }

    IntegrationSnapshot edit(IntegrationId id, String name, Schedule schedule, Environment environment) {
        Integration integration = account.mine(id);
        String n = account.validUniqueName(name, id);
        AccountIntegrations.requireScheduleAndEnvironment(schedule, environment);
        Instant now = clock.instant();
        if (integration.edit(n, schedule, environment, currentUser.actorName(), now)) {
            IntegrationSnapshot snapshot;
            try {
                snapshot = store.save(integration).snapshot();
            } catch (DuplicateKeyException e) {
                // renamed to a name another browser has just taken (the unique index on the live name)
                throw InvalidIntegrationInput.of("name", IntegrationNames.taken(n));
            }
            events.publishEvent(new IntegrationConfigured(snapshot, currentUser.actorName(), now));
            return snapshot;
        }
        return integration.snapshot();
    }

    void delete(IntegrationId id) {
        Integration integration = account.mine(id);
        Instant now = clock.instant();
        integration.delete(currentUser.actorName(), now);
        IntegrationSnapshot snapshot = store.save(integration).snapshot();
        events.publishEvent(new IntegrationDeleted(snapshot, currentUser.actorName(), now));
    }
}
