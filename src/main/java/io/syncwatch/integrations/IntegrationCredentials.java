package io.syncwatch.integrations;

import java.util.Optional;

/** The one narrow way to obtain an integration's decrypted credentials, for an import run. */
public interface IntegrationCredentials {

    Optional<SourceCredentials> credentialsFor(IntegrationId integration);
}
