package io.syncwatch.agentrequests.application.port.in;

import io.syncwatch.agentrequests.domain.AgentKey;

/** A freshly created key: the clear value is shown once and never stored. */
public record NewKey(AgentKey key, String clearValue) {

    @Override
    public String toString() {
        return "NewKey[" + key.displayPrefix() + "…]";
    }
}
