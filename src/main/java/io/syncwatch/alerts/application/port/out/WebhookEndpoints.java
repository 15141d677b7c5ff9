package io.syncwatch.alerts.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.syncwatch.alerts.domain.WebhookEndpoint;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.platform.AccountId;

/**
 * Storage of webhook endpoints, each read and written whole; every read is scoped by account. The
 * encrypted signing secret is stored with its endpoint but is not part of {@link WebhookEndpoint}:
 * it is given on {@link #add}, replaced by {@link #replaceSecret} and read by {@link #secretCipher} only.
 */
public interface WebhookEndpoints {

    /** Stores a new endpoint (id 0) with its encrypted signing secret; returns it with its id. */
    WebhookEndpoint add(WebhookEndpoint endpoint, String secretCipher);

    List<WebhookEndpoint> list(AccountId account);

    Optional<WebhookEndpoint> find(AccountId account, long endpointId);

    /** The account's enabled endpoints subscribed to the type. */
    default List<WebhookEndpoint> subscribedTo(AccountId account, WebhookEventType type) {
        return list(account).stream().filter(e -> e.enabled() && e.eventTypes().contains(type)).toList();
    }

    /**
     * Reads the endpoint as it is now, applies the change and writes it whole, with no other change
     * of the endpoint in between (a dispatcher recording a failure never undoes an admin's disable);
     * empty if there is no such endpoint.
     */
    Optional<WebhookEndpoint> change(AccountId account, long endpointId, UnaryOperator<WebhookEndpoint> change);

    void replaceSecret(AccountId account, long endpointId, String secretCipher);

    Optional<String> secretCipher(AccountId account, long endpointId);
}
