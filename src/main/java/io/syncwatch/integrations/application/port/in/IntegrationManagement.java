package io.syncwatch.integrations.application.port.in;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.SourcePlatformCatalog.ConnectionCheck;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.domain.AuditEntry;

/**
 * The customer admin's use cases, always in the caller's account: another account's integration
 * is "not found" ({@link IntegrationNotFound}), never "forbidden". Invalid input raises
 * {@link InvalidIntegrationInput} naming each field; nothing is half-saved.
 */
public interface IntegrationManagement {

    List<PlatformDescriptor> platforms();

    /** Tests the credentials against the platform without saving anything. */
    ConnectionCheck testConnection(String platform, Map<String, String> credentials);

    /** Validates, tests the connection, then saves (credentials encrypted): the integration is in Setup. */
    IntegrationSnapshot connect(ConnectCommand command);

    IntegrationSnapshot configureFilters(IntegrationId id, ImportFilters filters);

    IntegrationSnapshot edit(IntegrationId id, String name, Schedule schedule, Environment environment);

    /** Pauses manually; an integration held for invalid credentials stays held with that reason. */
    IntegrationSnapshot pause(IntegrationId id);

    /**
     * Resumes (reactivates, re-enables) a paused integration.
     *
     * @throws io.syncwatch.integrations.ReconnectRequired when it is held for invalid credentials:
     *         only {@link #reconnect} ends that hold
     * @throws io.syncwatch.integrations.SupportReEnableRequired when it is stopped for quality
     *         assurance and the caller is not Syncwatch support staff
     *         ({@link #mayReEnableAfterQualityAssurance()}); for support staff this re-enables it
     */
    IntegrationSnapshot resume(IntegrationId id);

    /**
     * Whether the caller may re-enable an integration stopped for quality assurance: only
     * Syncwatch's support staff (decision 0008), never a customer, whatever their permissions.
     */
    boolean mayReEnableAfterQualityAssurance();

    /** Tests and saves new credentials; ends a hold for invalid credentials. */
    IntegrationSnapshot reconnect(IntegrationId id, Map<String, String> credentials);

    void delete(IntegrationId id);

    /** Active, setup and paused integrations of the caller's account (not deleted). */
    List<IntegrationSnapshot> list();

    /** Deleted integrations of the caller's account, kept read-only for their audit trail. */
    List<IntegrationSnapshot> deleted();

    IntegrationSnapshot get(IntegrationId id);

    Optional<IntegrationSnapshot> find(IntegrationId id);

    /** Newest first; also for a deleted integration (its trail is kept for audit). */
    List<AuditEntry> auditTrail(IntegrationId id);

    /** Credential field keys that are stored for the integration (values never leave the module). */
    List<String> storedCredentialKeys(IntegrationId id);

    /** Counts an API request for the integration (keeps development integrations alive). */
    void recordApiRequest(IntegrationId id);

    /** Applies the 14-day rule to every development integration; returns how many went inactive. */
    int markIdleDevelopmentIntegrationsInactive();

    record ConnectCommand(String platform, String name, Map<String, String> credentials, Environment environment,
            Schedule schedule) {
        @Override
        public String toString() {
            return "ConnectCommand[platform=" + platform + ", name=" + name + ", environment=" + environment
                    + ", schedule=" + schedule + "]";
        }
    }
}
