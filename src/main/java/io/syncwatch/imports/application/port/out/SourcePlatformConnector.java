package io.syncwatch.imports.application.port.out;

import java.util.Optional;

import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;

/**
 * The connector SPI: everything the import pipeline needs from one source platform. A connector
 * is a Spring bean in {@code io.syncwatch.imports.adapter.out.source.<platform>}; adding a
 * platform means adding one such package and its tests (see {@code architecture/connectors.md}).
 * <p>
 * Every call either returns or throws a {@link SourceFailure} whose category says what went
 * wrong (authentication, permission, unreachable, rate limited, invalid data). Connectors never
 * log credentials.
 */
public interface SourcePlatformConnector {

    /** Key, name, credential fields, capabilities, filter fields and default status criteria. */
    PlatformDescriptor descriptor();

    /**
     * Checks the credentials with a read-only call; returns a short success message (e.g. the
     * account it reached).
     */
    String testConnection(SourceCredentials credentials) throws SourceFailure;

    /**
     * Fetches the next page of conversations changed since the request's checkpoint (or since
     * its start time when there is no checkpoint yet). The returned page carries the checkpoint
     * to store together with the page's records.
     */
    SourcePage fetchChanges(SourceRequest request) throws SourceFailure;

    /** Fetches one conversation by its source reference; empty when the source does not know it. */
    Optional<SourceConversation> fetchOne(SourceCredentials credentials, String reference) throws SourceFailure;
}
