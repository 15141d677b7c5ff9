package io.syncwatch.integrations.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationConfigured;
import io.syncwatch.integrations.IntegrationConnected;
import io.syncwatch.integrations.IntegrationCredentials;
import io.syncwatch.integrations.IntegrationDeleted;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationMarkedInactive;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.integrations.IntegrationPaused;
import io.syncwatch.integrations.IntegrationReconnected;
import io.syncwatch.integrations.IntegrationResumed;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog;
import io.syncwatch.integrations.SourcePlatformCatalog.ConnectionCheck;
import io.syncwatch.integrations.SourcePlatformCatalog.CredentialField;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationNotFound;
import io.syncwatch.integrations.application.port.in.InvalidIntegrationInput;
import io.syncwatch.integrations.application.port.out.CredentialCipher;
import io.syncwatch.integrations.application.port.out.IntegrationStore;
import io.syncwatch.integrations.domain.AuditEntry;
import io.syncwatch.integrations.domain.FilterValidation;
import io.syncwatch.integrations.domain.Integration;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;

/**
 * The integrations use cases. Every change is validated first, saved with its audit entries and
 * published as a past-tense event carrying the snapshot after the change, in one transaction
 * (the event publication registry stores the events with it).
 * <p>
 * Calls to a source platform (the connection test of {@code connect}, {@code reconnect} and
 * {@code testConnection}) happen outside any transaction: a slow platform (3 tries of up to 30 s)
 * must not hold a pooled database connection (issue 15.4). So there is no class-level
 * {@code @Transactional}: each method that only touches the database declares its own, and those
 * three wrap just their database part in {@link #tx}.
 */
@Service
class IntegrationService implements IntegrationManagement, IntegrationOperations, IntegrationCredentials {

    private static final Logger log = LoggerFactory.getLogger(IntegrationService.class);
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_CREDENTIAL_LENGTH = 500;

    private final IntegrationStore store;
    private final CredentialCipher cipher;
    private final ObjectProvider<SourcePlatformCatalog> catalogs;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    IntegrationService(IntegrationStore store, CredentialCipher cipher, ObjectProvider<SourcePlatformCatalog> catalogs,
            CurrentUser currentUser, Clock clock, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.store = store;
        this.cipher = cipher;
        this.catalogs = catalogs;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
        this.tx = tx;
    }

    // --- catalogue -------------------------------------------------------------------------

    @Override
    public List<PlatformDescriptor> platforms() {
        return catalogs.orderedStream().flatMap(c -> c.platforms().stream()).toList();
    }

    private Optional<SourcePlatformCatalog> catalogOf(String platform) {
        return catalogs.orderedStream().filter(c -> c.find(platform).isPresent()).findFirst();
    }

    private PlatformDescriptor descriptor(String platform) {
        return catalogOf(platform).flatMap(c -> c.find(platform))
                .orElseThrow(() -> InvalidIntegrationInput.of("platform", "Unknown platform '" + platform + "'"));
    }

    /** No transaction: the source platform is called, nothing is read or written here. */
    @Override
    public ConnectionCheck testConnection(String platform, Map<String, String> credentials) {
        PlatformDescriptor descriptor = descriptor(platform);
        SourceCredentials creds = validCredentials(descriptor, credentials);
        return catalogOf(platform).orElseThrow().testConnection(platform, creds);
    }

    private SourceCredentials validCredentials(PlatformDescriptor descriptor, Map<String, String> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> clean = new LinkedHashMap<>();
        for (CredentialField field : descriptor.credentialFields()) {
            String value = values.getOrDefault(field.key(), "").strip();
            if (field.required() && value.isEmpty()) {
                problems.put("credentials." + field.key(), "Enter the " + inSentence(field.label()));
            } else if (value.length() > MAX_CREDENTIAL_LENGTH) {
                problems.put("credentials." + field.key(), "At most " + MAX_CREDENTIAL_LENGTH + " characters");
            } else if (!field.options().isEmpty() && !value.isEmpty() && !field.options().contains(value)) {
                problems.put("credentials." + field.key(), "Choose one of " + String.join(", ", field.options()));
            }
            if (!value.isEmpty()) {
                clean.put(field.key(), value);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidIntegrationInput(problems);
        }
        return new SourceCredentials(clean);
    }

    private static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw InvalidIntegrationInput.of("name", "Give the integration a name");
        }
        if (n.length() > MAX_NAME_LENGTH) {
            throw InvalidIntegrationInput.of("name", "At most " + MAX_NAME_LENGTH + " characters");
        }
        return n;
    }

    /** Two integrations of one account never share a name (deleted ones aside): lists and mails tell them apart by it. */
    private void requireUniqueName(String name, @org.jspecify.annotations.Nullable IntegrationId self) {
        boolean taken = store.list(currentUser.accountId(), false).stream()
                .anyMatch(i -> i.name().equalsIgnoreCase(name) && (self == null || !i.snapshot().id().equals(self)));
        if (taken) {
            throw nameTaken(name);
        }
    }

    private static InvalidIntegrationInput nameTaken(String name) {
        return InvalidIntegrationInput.of("name",
                "Another integration is already called '" + name + "': choose a name that tells them apart");
    }

    private void requireConnectionWorks(String platform, SourceCredentials creds) {
        ConnectionCheck check = catalogOf(platform).orElseThrow().testConnection(platform, creds);
        if (!check.ok()) {
            throw InvalidIntegrationInput.of("credentials", "Connection test failed: "
                    + (check.failure() == null ? "" : check.failure() + ". ") + check.message());
        }
    }

    // --- commands --------------------------------------------------------------------------

    /** The connection test first, with no transaction; then one transaction saves and publishes. */
    @Override
    public IntegrationSnapshot connect(ConnectCommand command) {
        String name = validName(command.name());
        requireUniqueName(name, null);
        if (command.platform() == null || command.platform().isBlank()) {
            throw InvalidIntegrationInput.of("platform", "Choose a platform");
        }
        PlatformDescriptor descriptor = descriptor(command.platform());
        SourceCredentials creds = validCredentials(descriptor, command.credentials());
        if (command.schedule() == null) {
            throw InvalidIntegrationInput.of("schedule", "Choose a schedule");
        }
        if (command.environment() == null) {
            throw InvalidIntegrationInput.of("environment", "Choose an environment");
        }
        requireConnectionWorks(descriptor.key(), creds);
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
            // another browser connected the same name since requireUniqueName looked (the database's unique
            // index on the live name, integrations V3): the same message as the check's, nothing saved
            log.info("Integration name '{}' taken concurrently in account {}: {}", name, currentUser.accountId(),
                    e.getMostSpecificCause().getMessage());
            throw nameTaken(name);
        }
        log.info("Integration {} ({}) connected to platform {} in account {}", snapshot.id(), name, descriptor.key(),
                snapshot.accountId());
        return snapshot;
    }

    @Override
    @Transactional
    public IntegrationSnapshot configureFilters(IntegrationId id, ImportFilters filters) {
        Integration integration = mine(id);
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

    @Override
    @Transactional
    public IntegrationSnapshot edit(IntegrationId id, String name, Schedule schedule, Environment environment) {
        Integration integration = mine(id);
        String n = validName(name);
        requireUniqueName(n, id);
        if (schedule == null) {
            throw InvalidIntegrationInput.of("schedule", "Choose a schedule");
        }
        if (environment == null) {
            throw InvalidIntegrationInput.of("environment", "Choose an environment");
        }
        Instant now = clock.instant();
        if (integration.edit(n, schedule, environment, currentUser.actorName(), now)) {
            IntegrationSnapshot snapshot;
            try {
                snapshot = store.save(integration).snapshot();
            } catch (DuplicateKeyException e) {
                throw nameTaken(n); // renamed to a name another browser has just taken (the unique index)
            }
            events.publishEvent(new IntegrationConfigured(snapshot, currentUser.actorName(), now));
            return snapshot;
        }
        return integration.snapshot();
    }

    @Override
    @Transactional
    public IntegrationSnapshot pause(IntegrationId id) {
        return pauseIntegration(mine(id), PauseReason.MANUAL, null, currentUser.actorName());
    }

    @Override
    @Transactional
    public IntegrationSnapshot resume(IntegrationId id) {
        Integration integration = mine(id);
        if (integration.heldForQualityAssurance() && currentUser.isSyncwatchSupport()) {
            // spec 002: Syncwatch re-enables it once the issue is resolved (decision 0008)
            Instant now = clock.instant();
            integration.reEnableAfterQualityAssurance(currentUser.actorName(), now);
            IntegrationSnapshot snapshot = store.save(integration).snapshot();
            log.info("Integration {} re-enabled after quality assurance by Syncwatch support ({})", id,
                    currentUser.actorName());
            events.publishEvent(new IntegrationResumed(snapshot, currentUser.actorName(), now));
            return snapshot;
        }
        return resumeIntegration(integration, currentUser.actorName());
    }

    @Override
    public boolean mayReEnableAfterQualityAssurance() {
        return currentUser.isSyncwatchSupport();
    }

    /**
     * Reads the integration (one short query), tests the new credentials with no transaction, then
     * reads it again and saves the change in one transaction (it may have changed meanwhile).
     */
    @Override
    public IntegrationSnapshot reconnect(IntegrationId id, Map<String, String> credentials) {
        PlatformDescriptor descriptor = descriptor(mine(id).platform());
        SourceCredentials creds = validCredentials(descriptor, credentials);
        requireConnectionWorks(descriptor.key(), creds);
        String encrypted = cipher.encrypt(creds);
        return tx.execute(status -> {
            Integration integration = mine(id);
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

    @Override
    @Transactional
    public void delete(IntegrationId id) {
        Integration integration = mine(id);
        Instant now = clock.instant();
        integration.delete(currentUser.actorName(), now);
        IntegrationSnapshot snapshot = store.save(integration).snapshot();
        events.publishEvent(new IntegrationDeleted(snapshot, currentUser.actorName(), now));
    }

    @Override
    @Transactional
    public void recordApiRequest(IntegrationId id) {
        Integration integration = mine(id);
        store.touchApiRequest(integration.accountId(), id, clock.instant());
    }

    @Override
    @Transactional
    public int markIdleDevelopmentIntegrationsInactive() {
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

    // --- queries ---------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<IntegrationSnapshot> list() {
        return store.list(currentUser.accountId(), false).stream().map(Integration::snapshot).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<IntegrationSnapshot> deleted() {
        return store.list(currentUser.accountId(), true).stream()
                .filter(i -> i.lifecycle() == Lifecycle.DELETED).map(Integration::snapshot).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public IntegrationSnapshot get(IntegrationId id) {
        return mine(id).snapshot();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IntegrationSnapshot> find(IntegrationId id) {
        return store.find(currentUser.accountId(), id).map(Integration::snapshot);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> auditTrail(IntegrationId id) {
        store.find(currentUser.accountId(), id).orElseThrow(() -> new IntegrationNotFound(id));
        return store.auditTrail(currentUser.accountId(), id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> storedCredentialKeys(IntegrationId id) {
        return List.copyOf(cipher.decrypt(mine(id).encryptedCredentials()).values().keySet());
    }

    // --- IntegrationOperations (other modules) ---------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public List<IntegrationSnapshot> integrations(AccountId account) {
        return store.list(account, false).stream().map(Integration::snapshot).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IntegrationSnapshot> find(AccountId account, IntegrationId integration) {
        return store.find(account, integration).map(Integration::snapshot);
    }

    @Override
    @Transactional
    public void pause(AccountId account, IntegrationId integration, String actor) {
        pauseIntegration(store.find(account, integration).orElseThrow(() -> new IntegrationNotFound(integration)),
                PauseReason.MANUAL, null, actor);
    }

    /** Never re-enables a quality-assurance hold, not even for support staff (decision 0008). */
    @Override
    @Transactional
    public void resume(AccountId account, IntegrationId integration, String actor) {
        resumeIntegration(store.find(account, integration).orElseThrow(() -> new IntegrationNotFound(integration)),
                actor);
    }

    @Override
    @Transactional
    public void holdForInvalidCredentials(IntegrationId integration, String detail) {
        store.findAnyAccount(integration).filter(i -> i.lifecycle() != Lifecycle.DELETED)
                .ifPresent(i -> pauseIntegration(i, PauseReason.CREDENTIALS_INVALID, detail, "system"));
    }

    @Override
    @Transactional
    public void holdForQualityAssurance(IntegrationId integration, String detail) {
        store.findAnyAccount(integration).filter(i -> i.lifecycle() != Lifecycle.DELETED)
                .ifPresent(i -> pauseIntegration(i, PauseReason.QUALITY_ASSURANCE, detail, "system"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SourceCredentials> credentialsFor(IntegrationId integration) {
        return store.findAnyAccount(integration).map(i -> cipher.decrypt(i.encryptedCredentials()));
    }

    // --- shared ----------------------------------------------------------------------------

    private IntegrationSnapshot pauseIntegration(Integration integration, PauseReason reason, String detail, String actor) {
        Instant now = clock.instant();
        if (!integration.pause(reason, detail, actor, now)) {
            return integration.snapshot();
        }
        IntegrationSnapshot snapshot = store.save(integration).snapshot();
        events.publishEvent(new IntegrationPaused(snapshot, actor, now));
        return snapshot;
    }

    private IntegrationSnapshot resumeIntegration(Integration integration, String actor) {
        Instant now = clock.instant();
        if (!integration.resume(actor, now)) {
            return integration.snapshot();
        }
        IntegrationSnapshot snapshot = store.save(integration).snapshot();
        events.publishEvent(new IntegrationResumed(snapshot, actor, now));
        return snapshot;
    }

    private Integration mine(IntegrationId id) {
        Integration integration = store.find(currentUser.accountId(), id).orElseThrow(() -> new IntegrationNotFound(id));
        if (integration.lifecycle() == Lifecycle.DELETED) {
            throw new IntegrationNotFound(id);
        }
        return integration;
    }

    /** A label inside a sentence: "Subdomain" → "subdomain", but "API key" and "URL" keep their capitals. */
    static String inSentence(String label) {
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isUpperCase(label.charAt(1))) {
            return label;
        }
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
