package io.syncwatch.alerts.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.syncwatch.alerts.domain.WebhookEndpoint;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.platform.AccountId;

/** Storage of webhook endpoints; every read is scoped by account. */
public interface WebhookEndpoints {

    long create(AccountId account, String url, String description, Set<WebhookEventType> types, String secretCipher,
            Instant createdAt);

    List<WebhookEndpoint> list(AccountId account);

    Optional<WebhookEndpoint> find(AccountId account, long endpointId);

    List<WebhookEndpoint> subscribedTo(AccountId account, WebhookEventType type);

    void setEnabled(AccountId account, long endpointId, boolean enabled, @Nullable String disabledReason);

    void setSecretCipher(AccountId account, long endpointId, String secretCipher);

    Optional<String> secretCipher(AccountId account, long endpointId);

    void setFailingSince(AccountId account, long endpointId, @Nullable Instant failingSince);
}
