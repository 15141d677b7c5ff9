package io.syncwatch.agentrequests;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.AccountId;

/** A valid request from a production key was accepted for downstream delivery. */
public record AgentConnectRequestAccepted(String requestId, AccountId accountId, String employeeEmail,
        String customerName, String customerEmail, String channel, @Nullable String brand, @Nullable String language,
        @Nullable String reference, Instant occurredAt) {
}
