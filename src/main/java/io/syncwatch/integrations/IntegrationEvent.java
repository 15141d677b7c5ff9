package io.syncwatch.integrations;

import java.time.Instant;

import io.syncwatch.platform.AccountId;

/**
 * Something happened to an integration: the lifecycle events this module publishes, each carrying
 * the integration's {@link IntegrationSnapshot snapshot} after the change (never any secret). A
 * module that keeps a projection of integrations listens to this one type,
 * <pre>{@code
 * @ApplicationModuleListener
 * void on(IntegrationEvent event) {
 *     switch (event) {
 *         case IntegrationReconnected reconnected -> ...;
 *         default -> projection.apply(event.integration());
 *     }
 * }
 * }</pre>
 * and a new kind of event is a new permitted record here, which every exhaustive {@code switch}
 * over the type then has to handle. One integration's events can reach a listener in any order: a
 * projection applies a snapshot only when it is newer than the one it holds
 * ({@link IntegrationSnapshot#version()}), and never needs to read the integration back. Each event is published once and delivered to each listener
 * through the event publication registry, as a single record type would be.
 */
public sealed interface IntegrationEvent permits IntegrationConnected, IntegrationConfigured, IntegrationPaused,
        IntegrationResumed, IntegrationReconnected, IntegrationMarkedInactive, IntegrationDeleted {

    /** The integration after the change. */
    IntegrationSnapshot integration();

    Instant occurredAt();

    default IntegrationId integrationId() {
        return integration().id();
    }

    default AccountId accountId() {
        return integration().accountId();
    }
}
