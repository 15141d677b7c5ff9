package io.syncwatch.integrations;

/**
 * A customer asked to resume an integration stopped for quality assurance. Spec 002: "Our
 * engineering team will be notified, and we will contact you once we have resolved the issue
 * and re-enabled the integration". Only Syncwatch's support staff re-enable it (decision 0008);
 * the message says so in the spec's words.
 */
public final class SupportReEnableRequired extends ResumeRefused {

    public static final String MESSAGE = "Stopped for quality assurance: our engineering team has been notified, "
            + "and we will contact you once we have resolved the issue and re-enabled this integration";

    public SupportReEnableRequired(IntegrationId integration) {
        super(integration, MESSAGE);
    }

    @Override
    public PauseReason reason() {
        return PauseReason.QUALITY_ASSURANCE;
    }
}
