package io.syncwatch.alerts.application.port.in;

/** No such endpoint or delivery in the caller's account. */
public class WebhookNotFound extends RuntimeException {

    public WebhookNotFound() {
        super("Not found");
    }
}
