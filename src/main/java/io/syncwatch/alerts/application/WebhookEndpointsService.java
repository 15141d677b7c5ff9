package io.syncwatch.alerts.application;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.alerts.application.port.in.WebhookAdministration;
import io.syncwatch.alerts.application.port.in.WebhookNotFound;
import io.syncwatch.alerts.application.port.out.AlertRouting;
import io.syncwatch.alerts.application.port.out.WebhookDeliveries;
import io.syncwatch.alerts.application.port.out.WebhookEndpoints;
import io.syncwatch.alerts.domain.WebhookDelivery;
import io.syncwatch.alerts.domain.WebhookEndpoint;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.alerts.domain.WebhookPayload;
import io.syncwatch.alerts.domain.WebhookUrlPolicy;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;

/** Account admins' webhook endpoints: register, disable/enable, rotate secret, test, log, resend, replay. */
@Service
@Transactional
class WebhookEndpointsService implements WebhookAdministration {

    private final CurrentUser currentUser;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final AlertRouting routing;
    private final WebhookOutbox outbox;
    private final SigningSecrets secrets;
    private final WebhookUrlPolicy urlPolicy;
    private final Clock clock;

    WebhookEndpointsService(CurrentUser currentUser, WebhookEndpoints endpoints, WebhookDeliveries deliveries,
            AlertRouting routing, WebhookOutbox outbox, SigningSecrets secrets, WebhookUrlPolicy urlPolicy, Clock clock) {
        this.currentUser = currentUser;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.routing = routing;
        this.outbox = outbox;
        this.secrets = secrets;
        this.urlPolicy = urlPolicy;
        this.clock = clock;
    }

    @Override
    public Registered register(String url, String description, Set<WebhookEventType> types) {
        AccountId account = currentUser.accountId();
        String checked = urlPolicy.check(url).toString();
        Set<WebhookEventType> subscribed = EnumSet.noneOf(WebhookEventType.class);
        types.stream().filter(WebhookEventType::subscribable).forEach(subscribed::add);
        if (subscribed.isEmpty()) {
            throw new io.syncwatch.alerts.domain.AlertsRefusal.InvalidAlertsInput("events", "Choose at least one event");
        }
        String secret = secrets.newSecret();
        WebhookEndpoint added = endpoints.add(
                WebhookEndpoint.register(account.value(), checked, description.strip(), subscribed, clock.instant()),
                secrets.encrypt(secret));
        // read back as stored (timestamps at the column's precision), as the page lists it
        return new Registered(endpoint(account, added.id()), secret);
    }

    @Override
    @Transactional(readOnly = true)
    public List<WebhookEndpoint> endpoints() {
        return endpoints.list(currentUser.accountId());
    }

    @Override
    public void disable(long endpointId) {
        String reason = "Disabled by " + currentUser.actorName();
        endpoints.change(currentUser.accountId(), endpointId, e -> e.disabled(reason)).orElseThrow(WebhookNotFound::new);
    }

    @Override
    public void enable(long endpointId) {
        endpoints.change(currentUser.accountId(), endpointId, WebhookEndpoint::reenabled).orElseThrow(WebhookNotFound::new);
    }

    @Override
    public String rotateSecret(long endpointId) {
        AccountId account = currentUser.accountId();
        endpoint(account, endpointId);
        String secret = secrets.newSecret();
        endpoints.replaceSecret(account, endpointId, secrets.encrypt(secret));
        return secret;
    }

    @Override
    public void sendTest(long endpointId) {
        AccountId account = currentUser.accountId();
        endpoint(account, endpointId);
        String eventId = WebhookOutbox.newEventId();
        outbox.publishTo(account, endpointId, eventId, WebhookEventType.TEST,
                WebhookPayload.of(eventId, WebhookEventType.TEST, clock.instant(), account.value())
                        .put("message", "Test event sent by " + currentUser.actorName()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(long endpointId, int offset, int limit) {
        AccountId account = currentUser.accountId();
        endpoint(account, endpointId);
        return deliveries.log(account, endpointId, offset, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public int countDeliveries(long endpointId) {
        AccountId account = currentUser.accountId();
        endpoint(account, endpointId);
        return deliveries.count(account, endpointId);
    }

    @Override
    public void resend(long deliveryId) {
        AccountId account = currentUser.accountId();
        deliveries.findDelivery(account, deliveryId).orElseThrow(WebhookNotFound::new);
        deliveries.requeue(account, deliveryId, clock.instant());
    }

    @Override
    public int replayFailedSince(long endpointId, Instant since) {
        AccountId account = currentUser.accountId();
        endpoint(account, endpointId);
        return deliveries.requeueFailedSince(account, endpointId, since, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> notices() {
        return routing.notices(currentUser.accountId(), 20).stream().map(n -> n.createdAt() + " " + n.message()).toList();
    }

    private WebhookEndpoint endpoint(AccountId account, long id) {
        return endpoints.find(account, id).orElseThrow(WebhookNotFound::new);
    }
}
