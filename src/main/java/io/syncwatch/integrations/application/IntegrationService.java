package io.syncwatch.integrations.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationCredentials;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog.ConnectionCheck;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.domain.AuditEntry;
import io.syncwatch.platform.AccountId;

/**
 * The module's ports ({@link IntegrationManagement} for its screens and API,
 * {@link IntegrationOperations} and {@link IntegrationCredentials} for other modules), each call
 * handed to the one use case that does it: {@link ConnectIntegration}, {@link ChangeIntegrationSettings},
 * {@link PauseAndResume}, {@link DevelopmentInactivity} and {@link IntegrationQueries}. Nothing is
 * decided here. The use cases declare their own transactions; those that call a source platform
 * hold none during the call (issue 15.4, decision 0013).
 */
@Service
class IntegrationService implements IntegrationManagement, IntegrationOperations, IntegrationCredentials {

    private final InstalledPlatforms platforms;
    private final ConnectIntegration connecting;
    private final ChangeIntegrationSettings settings;
    private final PauseAndResume pausing;
    private final DevelopmentInactivity inactivity;
    private final IntegrationQueries queries;

    IntegrationService(InstalledPlatforms platforms, ConnectIntegration connecting, ChangeIntegrationSettings settings,
            PauseAndResume pausing, DevelopmentInactivity inactivity, IntegrationQueries queries) {
        this.platforms = platforms;
        this.connecting = connecting;
        this.settings = settings;
        this.pausing = pausing;
        this.inactivity = inactivity;
        this.queries = queries;
    }

    @Override
    public List<PlatformDescriptor> platforms() {
        return platforms.all();
    }

    @Override
    public ConnectionCheck testConnection(String platform, Map<String, String> credentials) {
        return connecting.testConnection(platform, credentials);
    }

    @Override
    public IntegrationSnapshot connect(ConnectCommand command) {
        return connecting.connect(command);
    }

    @Override
    public IntegrationSnapshot reconnect(IntegrationId id, Map<String, String> credentials) {
        return connecting.reconnect(id, credentials);
    }

    @Override
    public IntegrationSnapshot configureFilters(IntegrationId id, ImportFilters filters) {
        return settings.configureFilters(id, filters);
    }

    @Override
    public IntegrationSnapshot edit(IntegrationId id, String name, Schedule schedule, Environment environment) {
        return settings.edit(id, name, schedule, environment);
    }

    @Override
    public void delete(IntegrationId id) {
        settings.delete(id);
    }

    @Override
    public IntegrationSnapshot pause(IntegrationId id) {
        return pausing.pause(id);
    }

    @Override
    public IntegrationSnapshot resume(IntegrationId id) {
        return pausing.resume(id);
    }

    @Override
    public boolean mayReEnableAfterQualityAssurance() {
        return pausing.mayReEnableAfterQualityAssurance();
    }

    @Override
    public void pause(AccountId account, IntegrationId integration, String actor) {
        pausing.pause(account, integration, actor);
    }

    @Override
    public void resume(AccountId account, IntegrationId integration, String actor) {
        pausing.resume(account, integration, actor);
    }

    @Override
    public void holdForInvalidCredentials(IntegrationId integration, String detail) {
        pausing.holdForInvalidCredentials(integration, detail);
    }

    @Override
    public void holdForQualityAssurance(IntegrationId integration, String detail) {
        pausing.holdForQualityAssurance(integration, detail);
    }

    @Override
    public void recordApiRequest(IntegrationId id) {
        inactivity.recordApiRequest(id);
    }

    @Override
    public int markIdleDevelopmentIntegrationsInactive() {
        return inactivity.markIdleDevelopmentIntegrationsInactive();
    }

    @Override
    public List<IntegrationSnapshot> list() {
        return queries.list();
    }

    @Override
    public List<IntegrationSnapshot> deleted() {
        return queries.deleted();
    }

    @Override
    public IntegrationSnapshot get(IntegrationId id) {
        return queries.get(id);
    }

    @Override
    public Optional<IntegrationSnapshot> find(IntegrationId id) {
        return queries.find(id);
    }

    @Override
    public List<AuditEntry> auditTrail(IntegrationId id) {
        return queries.auditTrail(id);
    }

    @Override
    public List<String> storedCredentialKeys(IntegrationId id) {
        return queries.storedCredentialKeys(id);
    }

    @Override
    public List<IntegrationSnapshot> integrations(AccountId account) {
        return queries.integrations(account);
    }

    @Override
    public Optional<IntegrationSnapshot> find(AccountId account, IntegrationId integration) {
        return queries.find(account, integration);
    }

    @Override
    public Optional<SourceCredentials> credentialsFor(IntegrationId integration) {
        return queries.credentialsFor(integration);
    }
}
