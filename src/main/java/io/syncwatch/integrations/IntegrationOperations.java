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

    void pause(AccountId account, IntegrationId integration, String actor);

    void resume(AccountId account, IntegrationId integration, String actor);

    /** Pauses the schedule until new credentials are entered (a reconnect resumes it). */
    void holdForInvalidCredentials(IntegrationId integration, String detail);

    /** Stops an integration whose first run had problems until an operator re-enables it. */
    void holdForQualityAssurance(IntegrationId integration, String detail);
}
