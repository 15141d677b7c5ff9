package io.syncwatch.alerts.domain;

/** A webhook URL that breaks the URL rules (HTTPS only, no private-network targets). */
public class InvalidWebhookUrl extends RuntimeException {

    public InvalidWebhookUrl(String message) {
        super(message);
    }
}
