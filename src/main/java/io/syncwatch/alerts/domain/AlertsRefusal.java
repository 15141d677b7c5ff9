package io.syncwatch.alerts.domain;

import io.syncwatch.platform.FieldRefusal;

/**
 * Every way the alerts module refuses an admin's change (webhook endpoints, alert owners), as one
 * closed family: the Webhooks and Digest screens catch these as the user's error; anything else is
 * unexpected (the console's error handler reports it with a reference). Messages are written for
 * the user.
 */
public abstract sealed class AlertsRefusal extends RuntimeException permits InvalidWebhookUrl, AlertsRefusal.InvalidAlertsInput {

    protected AlertsRefusal(String message) {
        super(message);
    }

    protected AlertsRefusal(String message, Throwable cause) {
        super(message, cause);
    }

    /** A value that breaks a rule, naming the field as the forms name it ({@code events}, {@code owners}, {@code mailbox}). */
    public static final class InvalidAlertsInput extends AlertsRefusal implements FieldRefusal.OneField {

        private final String field;

        public InvalidAlertsInput(String field, String message) {
            super(message);
            this.field = field;
        }

        @Override
        public String field() {
            return field;
        }
    }
}
