package io.syncwatch.health.application.port.in.alerts;

/** No such endpoint or delivery in the caller's account. */
public class WebhookNotFound extends RuntimeException {

    public WebhookNotFound() {
        super("Not found");
    }
}
