package io.syncwatch.imports.application;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.application.port.out.SourcePlatformConnector;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog;

/**
 * The integrations module's catalog of source platforms, made of every connector bean; the
 * connection test delegates to the platform's connector and reports a failure by its category.
 */
@Service
public class SourcePlatforms implements SourcePlatformCatalog {

    private final List<SourcePlatformConnector> connectors;

    public SourcePlatforms(List<SourcePlatformConnector> connectors) {
        this.connectors = connectors.stream().sorted(Comparator.comparing(c -> c.descriptor().displayName())).toList();
    }

    @Override
    public List<PlatformDescriptor> platforms() {
        return connectors.stream().map(SourcePlatformConnector::descriptor).toList();
    }

    public Optional<SourcePlatformConnector> connector(String platformKey) {
        return connectors.stream().filter(c -> c.descriptor().key().equals(platformKey)).findFirst();
    }

    @Override
    public ConnectionCheck testConnection(String platformKey, SourceCredentials credentials) {
        var connector = connector(platformKey);
        if (connector.isEmpty()) {
            return ConnectionCheck.failed("Unknown platform", "There is no connector for platform '" + platformKey + "'");
        }
        try {
            return ConnectionCheck.success(connector.get().testConnection(credentials));
        } catch (SourceFailure failure) {
            return ConnectionCheck.failed(failure.category().label(), failure.getMessage());
        } catch (RuntimeException e) {
            return ConnectionCheck.failed("Unexpected error", "The connection test failed unexpectedly: " + e.getMessage());
        }
    }
}
