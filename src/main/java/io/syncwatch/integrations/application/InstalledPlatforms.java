package io.syncwatch.integrations.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.syncwatch.integrations.InvalidIntegrationInput;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog;
import io.syncwatch.integrations.SourcePlatformCatalog.ConnectionCheck;
import io.syncwatch.integrations.SourcePlatformCatalog.CredentialField;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.domain.CredentialRules;

/**
 * The source platforms the installed connectors offer, the rules their credential fields declare,
 * and the connection test. Never inside a transaction: a slow platform must not hold a pooled
 * database connection (issue 15.4, decision 0013).
 */
@Component
class InstalledPlatforms {

    private final ObjectProvider<SourcePlatformCatalog> catalogs;

    InstalledPlatforms(ObjectProvider<SourcePlatformCatalog> catalogs) {
        this.catalogs = catalogs;
    }

    List<PlatformDescriptor> all() {
        return catalogs.orderedStream().flatMap(c -> c.platforms().stream()).toList();
    }

    PlatformDescriptor descriptor(String platform) {
        return catalogOf(platform).flatMap(c -> c.find(platform))
                .orElseThrow(() -> InvalidIntegrationInput.of("platform", "Unknown platform '" + platform + "'"));
    }

    ConnectionCheck test(String platform, SourceCredentials credentials) {
        return catalogOf(platform).orElseThrow().testConnection(platform, credentials);
    }

    /** @throws InvalidIntegrationInput naming the platform's message when the test fails */
    void requireConnectionWorks(String platform, SourceCredentials credentials) {
        ConnectionCheck check = test(platform, credentials);
        if (!check.ok()) {
            throw InvalidIntegrationInput.of("credentials", "Connection test failed: "
                    + (check.failure() == null ? "" : check.failure() + ". ") + check.message());
        }
    }

    /** The platform's credential fields, stripped and checked; each problem names {@code credentials.<key>}. */
    SourceCredentials validCredentials(PlatformDescriptor descriptor, Map<String, String> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> clean = new LinkedHashMap<>();
        for (CredentialField field : descriptor.credentialFields()) {
            String value = values.getOrDefault(field.key(), "").strip();
            String problem = CredentialRules.problem(field, value);
            if (problem != null) {
                problems.put("credentials." + field.key(), problem);
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

    private Optional<SourcePlatformCatalog> catalogOf(String platform) {
        return catalogs.orderedStream().filter(c -> c.find(platform).isPresent()).findFirst();
    }
}
