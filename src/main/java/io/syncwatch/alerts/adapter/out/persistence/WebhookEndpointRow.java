package io.syncwatch.alerts.adapter.out.persistence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A webhook endpoint as stored in {@code health_webhook_endpoint} (Spring Data JDBC; the table keeps
 * the prefix it was created with, decision 0016): event types as their names separated by commas,
 * the signing secret encrypted.
 */
@Table("health_webhook_endpoint")
record WebhookEndpointRow(@Id @Nullable Long id, long accountId, String url, String description, String eventTypes,
        boolean enabled, String secretCipher, @Nullable Instant failingSince, @Nullable String disabledReason,
        Instant createdAt) {

    WebhookEndpointRow withSecretCipher(String cipher) {
        return new WebhookEndpointRow(id, accountId, url, description, eventTypes, enabled, cipher, failingSince,
                disabledReason, createdAt);
    }
}
