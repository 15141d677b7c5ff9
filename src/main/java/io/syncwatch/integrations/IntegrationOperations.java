package io.syncwatch.integrations;

import java.util.List;
import java.util.Optional;

import io.syncwatch.platform.AccountId;

/**
 * What other modules may ask of or tell the integrations module synchronously. Queries and
 * user commands are scoped by account. The health module's {@code HealthTrackingService} issues
 * the two automatic holds itself, in the transaction in which it publishes
 * {@code CredentialsDeclaredInvalid} / {@code QualityAssuranceTriggered}. It does not use a
 * listener of those events.
 */
public interface IntegrationOperations {

    List<IntegrationSnapshot> integrations(AccountId account);

    Optional<IntegrationSnapshot> find(AccountId account, IntegrationId integration);

    /** Pauses manually; an integration held for invalid credentials stays held with that reason. */
    void pause(AccountId account, IntegrationId integration, String actor);

    /**
     * Resumes a paused integration (the Platforms tab's bulk Resume).
     *
     * @throws ReconnectRequired when it is held for invalid credentials (see
     *         {@link IntegrationSnapshot#requiresReconnect()}): only the user's Reconnect ends that hold
     * @throws SupportReEnableRequired when it is stopped for quality assurance (see
     *         {@link IntegrationSnapshot#heldForQualityAssurance()}): Syncwatch support re-enables it
     *         one at a time from its page, never in bulk (decision 0008)
     */
    void resume(AccountId account, IntegrationId integration, String actor);

    /** Pauses the schedule until new credentials are entered (a reconnect resumes it). */
    void holdForInvalidCredentials(IntegrationId integration, String detail);

    /** Stops an integration whose first run had problems until Syncwatch support re-enables it. */
    void holdForQualityAssurance(IntegrationId integration, String detail);
}
