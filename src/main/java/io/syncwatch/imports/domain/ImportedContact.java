package io.syncwatch.imports.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.syncwatch.integrations.IntegrationId;

/** A contact as stored: its source metadata, when it was first imported and last refreshed. */
public record ImportedContact(long id, IntegrationId integrationId, String reference, @Nullable String channel,
        @Nullable String agent, @Nullable String status, @Nullable String subject, Set<String> tags,
        Map<String, String> customFields, Instant sourceCreatedAt, Instant sourceUpdatedAt, Instant firstImportedAt,
        @Nullable Instant lastRefreshedAt) {
}
