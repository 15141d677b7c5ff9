package io.syncwatch.integrations;

/**
 * A Resume was refused because the integration is held for a reason only someone else's action
 * ends: a Reconnect ({@link ReconnectRequired}) or Syncwatch support's re-enable
 * ({@link SupportReEnableRequired}). Callers that only need to say why catch this one type; the
 * {@link #reason()} tells which hold it is.
 */
public abstract sealed class ResumeRefused extends IntegrationRefusal permits ReconnectRequired, SupportReEnableRequired {

    private final IntegrationId integration;

    protected ResumeRefused(IntegrationId integration, String message) {
        super(message);
        this.integration = integration;
    }

    public IntegrationId integration() {
        return integration;
    }

    /** The hold that refused the Resume. */
    public abstract PauseReason reason();
}
