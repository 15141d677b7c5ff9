package io.syncwatch.integrations.application.port.in;

import io.syncwatch.integrations.IntegrationId;

/** No integration with that id in the caller's account (it may exist in another: we never say). */
public class IntegrationNotFound extends RuntimeException {

    public IntegrationNotFound(IntegrationId id) {
        super("No integration " + id);
    }
}
