package io.syncwatch.alerts.domain;

/** A webhook URL that breaks the URL rules (HTTPS only, no private-network targets). */
public final class InvalidWebhookUrl extends AlertsRefusal {

    public InvalidWebhookUrl(String message) {
        super(message);
    }
}
