package io.syncwatch.integrations;

/**
 * A Resume was asked of an integration held for invalid credentials (spec 002: paused "until
 * new credentials are provided"). Only a successful Reconnect (new credentials, connection
 * tested) ends that hold; the message says so in words a user can act on.
 */
public final class ReconnectRequired extends ResumeRefused {

    public static final String MESSAGE = "Reconnect with new credentials to resume this integration";

    public ReconnectRequired(IntegrationId integration) {
        super(integration, MESSAGE);
    }

    @Override
    public PauseReason reason() {
        return PauseReason.CREDENTIALS_INVALID;
    }
}
