package io.syncwatch.integrations;

/**
 * A Resume was asked of an integration held for invalid credentials (spec 002: paused "until
 * new credentials are provided"). Only a successful Reconnect (new credentials, connection
 * tested) ends that hold; the message says so in words a user can act on.
 */
public class ReconnectRequired extends RuntimeException {

    public static final String MESSAGE = "Reconnect with new credentials to resume this integration";

    private final IntegrationId integration;

    public ReconnectRequired(IntegrationId integration) {
        super(MESSAGE);
        this.integration = integration;
    }

    public IntegrationId integration() {
        return integration;
    }
}
