package io.syncwatch.imports.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A conversation as a source platform reports it, mapped by its connector to the fields that
 * filters test (channel, agent, status, tags, custom fields) and the timestamps de-duplication
 * and the historical start date need. {@code reference} is the platform's unique id of the
 * conversation (ticket id, call id, conversation id).
 */
public record SourceConversation(String reference, @Nullable String channel, @Nullable String agent,
        @Nullable String status, Set<String> tags, Map<String, String> customFields, @Nullable String subject,
        Instant createdAt, Instant updatedAt) {

    public SourceConversation {
        tags = Set.copyOf(tags);
        customFields = Map.copyOf(customFields);
    }
}
