package io.syncwatch.alerts.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.syncwatch.alerts.application.port.out.WebhookDeliveries;
import io.syncwatch.alerts.application.port.out.WebhookEndpoints;
import io.syncwatch.alerts.domain.WebhookEndpoint;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.alerts.domain.WebhookPayload;
import io.syncwatch.platform.AccountId;

/** Persists one delivery per subscribed, enabled endpoint before anything is sent. */
@Component
public class WebhookOutbox {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    public WebhookOutbox(WebhookEndpoints endpoints, WebhookDeliveries deliveries, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Queues the event for every endpoint of the account that subscribed to its type. */
    public int publish(AccountId account, String eventId, WebhookEventType type, WebhookPayload payload) {
        String json = payload.toJson();
        int n = 0;
        for (WebhookEndpoint endpoint : endpoints.subscribedTo(account, type)) {
            deliveries.enqueue(account, endpoint.id(), eventId, type, json, clock.instant());
            n++;
        }
        return n;
    }

    public void publishTo(AccountId account, long endpointId, String eventId, WebhookEventType type,
            WebhookPayload payload) {
        deliveries.enqueue(account, endpointId, eventId, type, payload.toJson(), clock.instant());
    }
}
