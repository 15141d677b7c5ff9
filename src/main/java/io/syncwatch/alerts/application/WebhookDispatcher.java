package io.syncwatch.alerts.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.syncwatch.alerts.application.port.in.WebhookDispatch;
import io.syncwatch.alerts.application.port.out.AlertRouting;
import io.syncwatch.alerts.application.port.out.WebhookDeliveries;
import io.syncwatch.alerts.application.port.out.WebhookEndpoints;
import io.syncwatch.alerts.application.port.out.WebhookTransport;
import io.syncwatch.alerts.domain.InvalidWebhookUrl;
import io.syncwatch.alerts.domain.RetryPolicy;
import io.syncwatch.alerts.domain.WebhookDelivery;
import io.syncwatch.alerts.domain.WebhookDelivery.Status;
import io.syncwatch.alerts.domain.WebhookEndpoint;
import io.syncwatch.alerts.domain.WebhookUrlPolicy;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.Permission;

/**
 * Works through the outbox: signs and posts each due delivery, records the outcome, schedules
 * retries by {@link RetryPolicy}, and disables endpoints failing for five days straight
 * (recording an admin notice and mailing the account admins).
 */
@Service
class WebhookDispatcher implements WebhookDispatch {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookTransport transport;
    private final SigningSecrets secrets;
    private final WebhookUrlPolicy urlPolicy;
    private final AlertRouting routing;
    private final AlertMailing mailing;
    private final AccountDirectory directory;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookTransport transport,
            SigningSecrets secrets, WebhookUrlPolicy urlPolicy, AlertRouting routing, AlertMailing mailing,
            AccountDirectory directory, Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.transport = transport;
        this.secrets = secrets;
        this.urlPolicy = urlPolicy;
        this.routing = routing;
        this.mailing = mailing;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public int dispatchDue() {
        return dispatch(deliveries.due(clock.instant(), 100));
    }

    @Override
    public int dispatchDue(AccountId account) {
        return dispatch(deliveries.due(account, clock.instant(), 100));
    }

    private int dispatch(java.util.List<WebhookDelivery> due) {
        int attempted = 0;
        for (WebhookDelivery d : due) {
            Instant now = clock.instant();
            if (!deliveries.claim(d.id(), d.attempts(), now.plus(LEASE), now)) {
                continue;
            }
            attempt(d, now);
            attempted++;
        }
        return attempted;
    }

    private void attempt(WebhookDelivery d, Instant now) {
        AccountId account = AccountId.of(d.accountId());
        WebhookEndpoint endpoint = endpoints.find(account, d.endpointId()).orElse(null);
        Instant first = d.firstAttemptAt() == null ? now : d.firstAttemptAt();
        if (endpoint == null || !endpoint.enabled()) {
            recordAttempt(d.id(), Status.FAILED, first, null, null, 0, "Endpoint disabled");
            return;
        }
        URI uri;
        try {
            // the address rules are applied by the transport, to the one resolution it connects to
            uri = urlPolicy.checkSyntax(endpoint.url());
        } catch (InvalidWebhookUrl e) {
            recordAttempt(d.id(), Status.FAILED, first, null, null, 0, e.getMessage());
            failed(endpoint, now);
            return;
        }
        String secret = secrets.decrypt(endpoints.secretCipher(account, endpoint.id()).orElseThrow());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Syncwatch-Webhooks/1");
        headers.put("Syncwatch-Event-Id", d.eventId());
        headers.put("Syncwatch-Event-Type", d.eventType().wireName());
        headers.put("Idempotency-Key", d.eventId());
        headers.put(WebhookSignature.HEADER, WebhookSignature.header(secret, now.getEpochSecond(), d.payload()));
        WebhookTransport.Response response;
        try {
            response = transport.post(uri, d.payload(), headers);
        } catch (InvalidWebhookUrl e) {
            recordAttempt(d.id(), Status.FAILED, first, null, null, 0, e.getMessage());
            failed(endpoint, now);
            return;
        }
        var outcome = new RetryPolicy.Attempt(response.statusCode(), response.retryAfter());
        if (outcome.succeeded()) {
            recordAttempt(d.id(), Status.DELIVERED, first, null, response.statusCode(), response.millis(), null);
            if (endpoint.failingSince() != null) {
                endpoints.change(account, endpoint.id(), WebhookEndpoint::recovered);
            }
            return;
        }
        Instant next = RetryPolicy.nextAttempt(outcome, d.attempts() + 1, first, now);
        String error = response.error() != null ? response.error() : "HTTP " + response.statusCode();
        recordAttempt(d.id(), next == null ? Status.FAILED : Status.RETRYING, first, next,
                response.statusCode(), response.millis(), error);
        failed(endpoint, now);
    }

    /**
     * Stores the attempt and counts it in {@code syncwatch_alerts_webhook_deliveries_total{outcome}}
     * (delivered, retrying, failed: issue 17.4).
     */
    private void recordAttempt(long deliveryId, Status status, Instant firstAttemptAt, @Nullable Instant nextAttemptAt,
            @Nullable Integer httpStatus, long millis, @Nullable String error) {
        deliveries.recordAttempt(deliveryId, status, firstAttemptAt, nextAttemptAt, httpStatus, millis, error);
        meters.counter("syncwatch.alerts.webhook.deliveries", "outcome", status.name().toLowerCase()).increment();
    }

    private void failed(WebhookEndpoint endpoint, Instant now) {
        AccountId account = AccountId.of(endpoint.accountId());
        @Nullable Instant since = endpoint.failingSince();
        if (since == null) {
            endpoints.change(account, endpoint.id(), e -> e.failingFrom(now));
            return;
        }
        if (RetryPolicy.shouldAutoDisable(since, now)) {
            String message = "Webhook endpoint " + endpoint.url() + " was disabled automatically: every delivery failed since "
                    + since + ". Fix the receiver, re-enable it and replay the failed deliveries.";
            endpoints.change(account, endpoint.id(), e -> e.disabled("Disabled automatically after 5 days of failures"));
            routing.addNotice(account, message, now);
            mailing.mail(directory.emailsOfUsersWith(account, Permission.ACCOUNT_ADMIN),
                    "[Syncwatch] Webhook endpoint disabled", message);
            log.warn("Webhook endpoint {} of account {} disabled after failing since {}", endpoint.id(), account, since);
        }
    }
}
