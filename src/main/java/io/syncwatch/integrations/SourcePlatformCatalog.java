package io.syncwatch.integrations;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The source platforms an integration can connect to, and the connection test run before
 * credentials are saved. Declared here, where it is needed; implemented by the imports
 * module, which owns the connectors.
 */
public interface SourcePlatformCatalog {

    List<PlatformDescriptor> platforms();

    default Optional<PlatformDescriptor> find(String key) {
        return platforms().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    ConnectionCheck testConnection(String platformKey, SourceCredentials credentials);

    /** What a platform offers and needs. */
    record PlatformDescriptor(String key, String displayName, String description, List<CredentialField> credentialFields,
            boolean supportsSingleConversationImport, String referenceLabel, Set<FilterField> filterFields,
            List<String> statusValues, Set<String> defaultStatusCriteria) {
    }

    /** One credential the user enters; secret fields are masked and never shown again. */
    record CredentialField(String key, String label, boolean secret, boolean required, List<String> options,
            String helpText) {
    }

    /** The outcome of a connection test; {@code failure} names the category when it failed. */
    record ConnectionCheck(boolean ok, @Nullable String failure, String message) {

        public static ConnectionCheck success(String message) {
            return new ConnectionCheck(true, null, message);
        }

        public static ConnectionCheck failed(String failure, String message) {
            return new ConnectionCheck(false, failure, message);
        }
    }
}
