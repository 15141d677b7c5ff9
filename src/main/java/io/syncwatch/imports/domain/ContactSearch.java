package io.syncwatch.imports.domain;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.syncwatch.integrations.IntegrationId;

/**
 * A search over imported contacts: by source reference (exact match, or prefix when it ends with
 * {@code *} or {@code prefix} is set), integration, channel and imported date (UTC days, inclusive).
 */
public record ContactSearch(String reference, boolean prefix, @Nullable IntegrationId integration,
        @Nullable String channel, @Nullable LocalDate importedFrom, @Nullable LocalDate importedTo) {

    public static ContactSearch all() {
        return new ContactSearch("", true, null, null, null, null);
    }
}
