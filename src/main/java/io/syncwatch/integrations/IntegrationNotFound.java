package io.syncwatch.integrations;

/** No integration with that id in the caller's account (it may exist in another: we never say). */
public final class IntegrationNotFound extends IntegrationRefusal {

    public IntegrationNotFound(IntegrationId id) {
        super("No integration " + id);
    }
}
