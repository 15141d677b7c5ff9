package io.syncwatch.alerts.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.syncwatch.alerts.domain.WebhookDelivery;
import io.syncwatch.alerts.domain.WebhookEndpoint;
import io.syncwatch.alerts.domain.WebhookEventType;

/**
 * Webhook endpoints of the caller's account (account admins). Unknown or other accounts' ids
 * throw {@link WebhookNotFound}; URLs breaking the URL rules throw
 * {@link io.syncwatch.alerts.domain.InvalidWebhookUrl}.
 */
public interface WebhookAdministration {

    /** The endpoint with its signing secret, shown this once. */
    record Registered(WebhookEndpoint endpoint, String signingSecret) {
    }

    Registered register(String url, String description, Set<WebhookEventType> types);

    List<WebhookEndpoint> endpoints();

    void disable(long endpointId);

    void enable(long endpointId);

    /** A new signing secret, shown this once; the old one stops working at once. */
    String rotateSecret(long endpointId);

    /** Queues a test event for the endpoint (delivered by the dispatcher like any other). */
    void sendTest(long endpointId);

    List<WebhookDelivery> deliveries(long endpointId, int offset, int limit);

    int countDeliveries(long endpointId);

    void resend(long deliveryId);

    /** Re-queues every failed delivery of the endpoint created since the given time; returns how many. */
    int replayFailedSince(long endpointId, Instant since);

    /** Admin notices (e.g. endpoints disabled automatically), newest first. */
    List<String> notices();
}
