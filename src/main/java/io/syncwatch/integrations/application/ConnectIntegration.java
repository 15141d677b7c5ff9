package io.syncwatch.integrations.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationConnected;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationReconnected;
import io.syncwatch.integrations.IntegrationResumed;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.InvalidIntegrationInput;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog.ConnectionCheck;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;
import io.syncwatch.integrations.application.port.out.CredentialCipher;
import io.syncwatch.integrations.application.port.out.IntegrationStore;
import io.syncwatch.integrations.domain.Integration;
import io.syncwatch.integrations.domain.IntegrationNames;
import io.syncwatch.platform.CurrentUser;

/**
 * Connecting a source platform and reconnecting it with new credentials: the credentials are
 * checked and the connection tested with no transaction (a slow platform, 3 tries of up to 30 s,
 * must not hold a pooled connection: issue 15.4, decision 0013); then one transaction saves the
 * integration (credentials encrypted) and publishes the event with it.
 */
@Service
class ConnectIntegration {

    private static final Logger log = LoggerFactory.getLogger(ConnectIntegration.class);

    private final InstalledPlatforms platforms;
    private final AccountIntegrations account;
    private final IntegrationStore store;
    private final CredentialCipher cipher;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    ConnectIntegration(InstalledPlatforms platforms, AccountIntegrations account, IntegrationStore store,
            CredentialCipher cipher, CurrentUser currentUser, Clock clock, ApplicationEventPublisher events,
            TransactionTemplate tx) {
        this.platforms = platforms;
        this.account = account;
        this.store = store;
        this.cipher = cipher;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
        this.tx = tx;
    }

    /** Tests the credentials against the platform; nothing is read or written. */
    ConnectionCheck testConnection(String platform, Map<String, String> credentials) {
        PlatformDescriptor descriptor = platforms.descriptor(platform);
        return platforms.test(platform, platforms.validCredentials(descriptor, credentials));
    }

    IntegrationSnapshot connect(ConnectCommand command) {
        String name = account.validUniqueName(command.name(), null);
        if (command.platform() == null || command.platform().isBlank()) {
            throw InvalidIntegrationInput.of("platform", "Choose a platform");
        }
        PlatformDescriptor descriptor = platforms.descriptor(command.platform());
        SourceCredentials creds = platforms.validCredentials(descriptor, command.credentials());
        AccountIntegrations.requireScheduleAndEnvironment(command.schedule(), command.environment());
        platforms.requireConnectionWorks(descriptor.key(), creds);
        String encrypted = cipher.encrypt(creds);
        IntegrationSnapshot snapshot;
        try {
            snapshot = tx.execute(status -> {
                Instant now = clock.instant();
                var defaults = new ImportFilters(List.of(), null, descriptor.defaultStatusCriteria());
                Integration integration = store.save(Integration.connect(currentUser.accountId(), name, descriptor.key(),
                        command.environment(), command.schedule(), defaults, encrypted, currentUser.actorName(), now));
                IntegrationSnapshot saved = integration.snapshot();
                events.publishEvent(new IntegrationConnected(saved, currentUser.actorName(), now));
                return saved;
            });
        } catch (DuplicateKeyException e) {
            // another browser connected the same name since validUniqueName looked (the database's unique
            // index on the live name, integrations V3): the same message as the check's, nothing saved
            log.info("Integration name '{}' taken concurrently in account {}: {}", name, currentUser.accountId(),
                    e.getMostSpecificCause().getMessage());
            throw InvalidIntegrationInput.of("name", IntegrationNames.taken(name));
        }
        log.info("Integration {} ({}) connected to platform {} in account {}", snapshot.id(), name, descriptor.key(),
                snapshot.accountId());
        return snapshot;
    }

    /**
     * Reads the integration (one short query), tests the new credentials with no transaction, then
     * reads it again and saves the change in one transaction (it may have changed meanwhile).
     */
    IntegrationSnapshot reconnect(IntegrationId id, Map<String, String> credentials) {
        PlatformDescriptor descriptor = platforms.descriptor(account.mine(id).platform());
        SourceCredentials creds = platforms.validCredentials(descriptor, credentials);
        platforms.requireConnectionWorks(descriptor.key(), creds);
        String encrypted = cipher.encrypt(creds);
        return tx.execute(status -> {
            Integration integration = account.mine(id);
            Instant now = clock.instant();
            boolean resumed = integration.reconnect(encrypted, currentUser.actorName(), now);
            IntegrationSnapshot snapshot = store.save(integration).snapshot();
            events.publishEvent(new IntegrationReconnected(snapshot, currentUser.actorName(), now));
            if (resumed) {
                events.publishEvent(new IntegrationResumed(snapshot, currentUser.actorName(), now));
            }
            return snapshot;
        });
    }
}
