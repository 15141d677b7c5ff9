package io.syncwatch.alerts.domain;

import io.syncwatch.platform.FieldRefusal;

/**
 * A webhook URL that breaks the URL rules (HTTPS only, no private-network targets); on the
 * endpoint form it concerns the {@code url} field.
 */
public final class InvalidWebhookUrl extends AlertsRefusal implements FieldRefusal.OneField {

    public InvalidWebhookUrl(String message) {
        super(message);
    }

    @Override
    public String field() {
        return "url";
    }
}
