package io.syncwatch.agentrequests.domain;

import org.jspecify.annotations.Nullable;

/** A Connect request as sent by the caller; any part may be missing. */
public record AgentRequest(@Nullable String employeeEmail, @Nullable String customerName, @Nullable String customerEmail,
        @Nullable String channel, @Nullable String brand, @Nullable String language, @Nullable String reference) {
}
