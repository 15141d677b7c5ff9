package io.syncwatch.imports.application.port.in;

import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.Lifecycle;

/** An integration of the account with its active import criteria, as the contacts tab lists them. */
public record IntegrationFilters(IntegrationId id, String name, String platform, Lifecycle lifecycle,
        ImportFilters filters) {
}
